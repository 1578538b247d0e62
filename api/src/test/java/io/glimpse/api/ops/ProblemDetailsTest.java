package io.glimpse.api.ops;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.util.Map;

/** Every error is RFC 9457 problem+json, whoever raises it, and never a stack trace. */
@EmbeddedGlimpse
class ProblemDetailsTest extends ApiTest {

    @Test
    void anUnknownRouteIs404ForAnonymousAndLoggedInCallersAlike() {
        expectProblem(http.get().uri("/api/no-such-thing").exchange(), HttpStatus.NOT_FOUND, "/problems/not-found");
        Account account = register("lost");
        expectProblem(http.get().uri("/api/no-such-thing").headers(account.bearer()).exchange(),
                HttpStatus.NOT_FOUND, "/problems/not-found");
    }

    @Test
    void aWrongMethodIs405() {
        expectProblem(http.put().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).body("{}").exchange(),
                HttpStatus.METHOD_NOT_ALLOWED, "/problems/method-not-allowed");
    }

    @Test
    void malformedJsonIs400() {
        expectProblem(http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\": ").exchange(), HttpStatus.BAD_REQUEST, "/problems/bad-request");
    }

    @Test
    void aMissingBodyIs400() {
        expectProblem(http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).exchange(),
                HttpStatus.BAD_REQUEST, "/problems/bad-request");
    }

    @Test
    void aWrongContentTypeIs415() {
        expectProblem(http.post().uri("/api/auth/register").contentType(MediaType.TEXT_PLAIN).body("alice").exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/problems/unsupported-media-type");
    }

    @Test
    void aJsonValueOfTheWrongTypeIs400() {
        expectProblem(http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", Map.of("nested", true), "password", 12)).exchange(),
                HttpStatus.BAD_REQUEST, "/problems/bad-request");
    }

    @Test
    void aProtectedEndpointWithoutATokenIs401() {
        expectProblem(http.post().uri("/api/auth/logout").exchange(), HttpStatus.UNAUTHORIZED, "/problems/unauthorized");
    }

    @Test
    void anAuthorizationHeaderThatIsNotBearerIs401() {
        expectProblem(http.get().uri("/api/auth/me").header("Authorization", "Basic YWxpY2U6c2VjcmV0").exchange(),
                HttpStatus.UNAUTHORIZED, "/problems/unauthorized");
    }

    @Test
    void anAdminEndpointIs403ForAUser() {
        Account account = register("nosy");
        expectProblem(http.get().uri("/api/users").headers(account.bearer()).exchange(),
                HttpStatus.FORBIDDEN, "/problems/forbidden");
    }

    private static void expectProblem(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response,
                                      HttpStatus status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(type)
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }
}
