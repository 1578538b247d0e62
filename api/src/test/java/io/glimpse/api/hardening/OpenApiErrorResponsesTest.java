package io.glimpse.api.hardening;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document lists each operation's error responses, with their media type and schema. */
@EmbeddedGlimpse
@SuppressWarnings("unchecked")
class OpenApiErrorResponsesTest extends ApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyOperationListsTheErrorsAnyRequestCanMeet() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        assertThat(paths).hasSizeGreaterThan(50);
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation).get("responses");
            assertThat(responses).as("%s %s", method, path).containsKeys("400", "401", "429");
            boolean mastodon = path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.startsWith("/oauth/")
                    || path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/") || path.startsWith("/avatars/");
            String type = mastodon ? "application/json" : "application/problem+json";
            String schema = "#/components/schemas/" + (mastodon ? "MastodonError" : "Problem");
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) responses.get("401")).get("content");
            assertThat(content).as("%s %s", method, path).containsKey(type);
            assertThat(((Map<String, Object>) content.get(type)).get("schema")).isEqualTo(Map.of("$ref", schema));
        }));
    }

    @Test
    void theErrorsFollowTheOperationsShape() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        assertThat(responses(paths, "/api/auth/register", "post")).containsKeys("400", "401", "409", "413", "429")
                .doesNotContainKeys("403", "404");
        assertThat(responses(paths, "/api/users/{username}", "get")).containsKeys("400", "401", "404", "429")
                .doesNotContainKeys("409", "413");
        assertThat(responses(paths, "/api/posts/{postId}", "delete")).containsKeys("400", "401", "403", "404", "409", "429");
        assertThat(responses(paths, "/api/posts/{postId}", "patch")).containsKeys("400", "401", "403", "404", "409", "413", "429");
        assertThat(responses(paths, "/api/timeline", "get")).containsKeys("400", "401", "403", "429");
        assertThat(responses(paths, "/api/v1/accounts", "post")).containsKeys("400", "401", "422", "429");
    }

    @Test
    void theProblemSchemaIsRfc9457WithFieldErrors() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.get("Problem")).get("properties");
        assertThat(properties).containsKeys("type", "title", "status", "detail", "instance", "errors");
        assertThat((List<String>) ((Map<String, Object>) schemas.get("Problem")).get("required"))
                .containsExactly("type", "title", "status");
        assertThat(schemas).containsKey("MastodonError");
    }

    private Map<String, Object> document() {
        return http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> responses(Map<String, Object> paths, String path, String method) {
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        return (Map<String, Object>) operation.get("responses");
    }
}
