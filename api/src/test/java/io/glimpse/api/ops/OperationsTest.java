package io.glimpse.api.ops;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes, metrics and the API documentation are public and alive. */
@EmbeddedGlimpse
class OperationsTest extends ApiTest {

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesJvmHttpCommandAndEventMetrics() {
        register("metrics");
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests_seconds",
                "glimpse_commands_seconds_count{command=\"RegisterUser\",result=\"succeeded\"}",
                "glimpse_events_published_total{event=\"UserRegistered\"}");
        // In place of Axon's own command bus and event store meters, not beside them.
        assertThat(metrics).doesNotContain("commandBus", "eventStore");
    }

    @Test
    void theOpenApiDocumentDescribesTheContract() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/auth/register'].post").exists()
                .jsonPath("$.paths['/api/auth/login'].post").exists()
                .jsonPath("$.paths['/api/users/{username}'].patch").exists()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
