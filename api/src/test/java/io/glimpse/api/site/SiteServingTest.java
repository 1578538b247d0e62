package io.glimpse.api.site;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar serves the web site: index.html for exactly the page paths (deep links and reloads),
 * hashed assets cached for good, the rest revalidated, every other path still a 404 problem; and
 * the API answers a site deployed on another origin (CORS).
 */
@EmbeddedGlimpse
@TestPropertySource(properties = {"glimpse.site.location=classpath:/site-fixture/",
        "glimpse.security.allowed-origins=https://site.example"})
class SiteServingTest extends ApiTest {

    @Test
    void everyPagePathServesTheSinglePageToAnonymousVisitors() {
        for (String page : new String[]{"/", "/login", "/register", "/feed", "/search?q=%23sun", "/upload",
                "/notifications", "/p/0190f0e2-0000-7000-8000-000000000001", "/u/ann"}) {
            String body = http.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as(page).contains("Glimpse fixture");
        }
    }

    @Test
    void hashedAssetsAreImmutableAndTheConfigIsRevalidated() {
        http.get().uri("/assets/index-AbC123.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value)
                        .contains("max-age=31536000", "immutable", "public"));
        http.get().uri("/config.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class).value(body -> assertThat(body).contains("GLIMPSE_CONFIG"));
    }

    @Test
    void otherPathsStayNotFoundProblems() {
        for (String path : new String[]{"/nowhere", "/p/1/extra", "/u/ann/posts", "/assets/missing.js", "/api/nowhere"}) {
            http.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aPagePathDoesNotHideTheApi() {
        Account ann = register("site");
        http.get().uri("/api/users/" + ann.username()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void theApiAnswersTheSiteOnItsConfiguredOrigin() {
        http.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://site.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://site.example");
        Account ann = register("cors");
        http.get().uri("/api/auth/me").headers(ann.bearer()).header(HttpHeaders.ORIGIN, "https://site.example")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://site.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, value -> assertThat(value).contains("Retry-After"));
        http.options().uri("/api/auth/login")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden();
    }

}
