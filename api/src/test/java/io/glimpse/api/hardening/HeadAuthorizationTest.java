package io.glimpse.api.hardening;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** HEAD is authorized exactly as GET: no admin-only handler runs for a user, no length leaks. */
@EmbeddedGlimpse
class HeadAuthorizationTest extends ApiTest {

    @Test
    void headOfTheAdminUserListIsForbiddenToAUser() {
        Account user = register("peeker");
        for (String uri : List.of("/api/users", "/api/users?q=", "/api/users?q=root")) {
            var response = http.head().uri(uri).headers(user.bearer()).exchange();
            response.expectStatus().isForbidden();
            assertThat(response.returnResult(byte[].class).getResponseHeaders().getContentLength())
                    .as("no length of the admin list").isNotEqualTo(adminListLength(uri));
        }
        http.head().uri("/api/users").headers(admin().bearer()).exchange().expectStatus().isOk();
    }

    @Test
    void headAnswersWhatGetAnswersForAnonymousUsersAndAdmins() {
        Account user = register("reader");
        String mine = "/api/users/" + user.username();
        List<String> paths = List.of("/api/users", "/api/users?q=a", mine, mine + "/posts", mine + "/followers",
                "/api/users/me/blocks", "/api/auth/me", "/api/timeline", "/api/notifications",
                "/api/notifications/unread-count", "/api/search/posts?q=a", "/api/search/autocomplete?q=a",
                "/api/admin/projections", "/api/features", "/api/admin/features",
                "/api/v1/accounts/verify_credentials", "/api/v1/accounts/lookup?acct=" + user.username(),
                "/api/v1/timelines/public", "/api/v1/timelines/home", "/api/v1/instance", "/api/v2/search?q=a");
        List<Consumer<HttpHeaders>> callers = List.of(headers -> { }, user.bearer(), admin().bearer());
        for (Consumer<HttpHeaders> caller : callers) {
            for (String path : paths) {
                int get = status(http.get().uri(path).headers(caller).exchange());
                int head = status(http.head().uri(path).headers(caller).exchange());
                assertThat(head).as("HEAD %s", path).isEqualTo(get);
            }
        }
    }

    private long adminListLength(String uri) {
        return http.get().uri(uri).headers(admin().bearer()).exchange()
                .returnResult(byte[].class).getResponseBody().length;
    }

    private static int status(RestTestClient.ResponseSpec response) {
        return response.returnResult(byte[].class).getStatus().value();
    }
}
