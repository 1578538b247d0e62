package io.glimpse.api.hardening;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client library would make, as an attacker or a broken client sends them: each is a
 * 400 problem+json, never a 500 and never the servlet container's HTML page.
 */
@EmbeddedGlimpse
class MalformedRequestsTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/search/posts?q=%ff", "/api/search/posts?=/", "/api/search/autocomplete?q=%C0",
            "/api/search/autocomplete?=1e309", "/api/users/alice/posts?cursor=%C0", "/api/search/posts?q=%",
            "/api/search/posts?q=%zz&limit=1"})
    void aMalformedQueryStringIs400(String target) {
        expectBadRequest(RawHttp.send(port, "GET " + target + " HTTP/1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/timeline?=/", "/api/notifications?cursor=%C0", "/api/notifications?=1e309"})
    void aMalformedQueryStringIs400WithAToken(String target) {
        Account me = register("query");
        expectBadRequest(RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nAuthorization: Bearer " + me.accessToken()));
    }

    @Test
    void aBrokenMultipartPostIs400() {
        Account me = register("broken");
        String auth = "\r\nAuthorization: Bearer " + me.accessToken();
        expectBadRequest(RawHttp.send(port, "POST /api/posts HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x"
                + auth, "--x\r\nbroken"));
        expectBadRequest(RawHttp.send(port, "POST /api/posts HTTP/1.1\r\nContent-Type: multipart/form-data" + auth,
                "--x\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhi\r\n--x--\r\n"));
        expectBadRequest(RawHttp.send(port, "PUT /api/users/" + me.username() + "/avatar HTTP/1.1\r\n"
                + "Content-Type: multipart/form-data; boundary=x" + auth, "--x\r\nbroken"));
        expectBadRequest(RawHttp.send(port, "PUT /api/users/" + me.username() + "/avatar HTTP/1.1\r\n"
                + "Content-Type: multipart/form-data" + auth, "--x\r\nbroken"));
    }

    /**
     * A request refused before any controller runs (an unknown method, {@code ..} or an encoded
     * {@code ;} in the path) whose multipart body is never read, with an Accept header nothing can
     * satisfy: still a 400 problem+json (Mastodon's error JSON on its paths), not an empty 400.
     */
    @ParameterizedTest
    @ValueSource(strings = {"FOO /api/posts", "POST /api/posts/../posts", "POST /api/posts%3bx=1",
            "FOO /api/v1/statuses", "POST /api/v1/statuses/../statuses"})
    void aRefusedRequestWithAnUnreadMultipartBodyIs400(String requestLine) {
        for (String type : new String[]{"multipart/form-data; boundary=x", "multipart/form-data"}) {
            for (String accept : new String[]{"garbage", "application/json"}) {
                RawHttp.Response response = RawHttp.send(port, requestLine + " HTTP/1.1\r\nContent-Type: " + type
                        + "\r\nAccept: " + accept, "--x\r\nbroken");
                if (requestLine.contains("/api/v1/")) {
                    assertThat(response.status()).as(response.toString()).isEqualTo(400);
                    assertThat(response.body()).as(response.toString()).startsWith("{\"error\":");
                } else {
                    expectBadRequest(response);
                }
            }
        }
    }

    @Test
    void anAuthorizationHeaderOver8KbIs400() {
        expectBadRequest(RawHttp.send(port, "GET /api/auth/me HTTP/1.1\r\nAuthorization: Bearer " + "a".repeat(9000)));
    }

    @Test
    void anEncodedSlashInAPathIs400() {
        expectBadRequest(RawHttp.send(port, "GET /api/users/a%2fb HTTP/1.1"));
        expectBadRequest(RawHttp.send(port, "GET /api/users/a%2Fb/posts HTTP/1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer \u00ff\u00fe", "Bearer a\u0001b", "Bearer a.b.c", "Bearer ...", "Bearer",
            "Bearer  ", "Bearer %%%"})
    void aMalformedBearerTokenIs400Or401ProblemJson(String header) {
        RawHttp.Response response = RawHttp.send(port, "GET /api/auth/me HTTP/1.1\r\nAuthorization: " + header);
        assertThat(response.status()).as(response.toString()).isIn(400, 401);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
    }

    @Test
    void aCrossOriginRequestFromAnOriginNotAllowedIs403ProblemJson() {
        for (String target : new String[]{"/api/auth/me", "/api/v1/instance"}) {
            RawHttp.Response response = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nOrigin: null");
            if (target.startsWith("/api/auth")) {
                assertThat(response.status()).as(response.toString()).isEqualTo(403);
                assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
            } else {
                assertThat(response.status()).as("Mastodon's API is open to any origin").isEqualTo(200);
            }
        }
    }

    @Test
    void anIdOfAnotherKindOfThingIs404() {
        Account author = register("kinds");
        String postId = post(author, "a post");
        String commentId = (String) http.post().uri("/api/posts/" + postId + "/comments").headers(author.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "a comment"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String wrongId : new String[]{commentId, author.id().toString()}) {
            http.patch().uri("/api/posts/" + wrongId).headers(author.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("caption", "edited")).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    static void expectBadRequest(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).as(response.toString()).contains("\"status\":400");
    }
}
