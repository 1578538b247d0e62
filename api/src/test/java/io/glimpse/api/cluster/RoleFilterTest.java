package io.glimpse.api.cluster;

import io.glimpse.processing.cluster.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which node serves what: the rule a load balancer routes on (GET and HEAD, and /api/admin/**, to
 * query nodes; other methods to command nodes), and 421 with the serving role for the rest. The
 * cluster scenario of the reliability suite checks the same against real nodes.
 */
class RoleFilterTest {

    @Test
    void aCommandNodeServesWritesAndRefusesReads() throws Exception {
        assertThat(refusal(Role.COMMAND, "POST", "/api/posts")).isNull();
        assertThat(refusal(Role.COMMAND, "DELETE", "/api/posts/1/likes")).isNull();
        assertThat(refusal(Role.COMMAND, "GET", "/api/timeline")).isEqualTo("query");
        assertThat(refusal(Role.COMMAND, "HEAD", "/api/users/ann")).isEqualTo("query");
        assertThat(refusal(Role.COMMAND, "POST", "/api/admin/projections/posts-projection/replay")).isEqualTo("query");
    }

    @Test
    void aQueryNodeServesReadsAndTheProcessorsAdministrationAndRefusesWrites() throws Exception {
        assertThat(refusal(Role.QUERY, "GET", "/api/timeline")).isNull();
        assertThat(refusal(Role.QUERY, "POST", "/api/admin/projections/posts-projection/replay")).isNull();
        assertThat(refusal(Role.QUERY, "POST", "/api/posts")).isEqualTo("command");
        assertThat(refusal(Role.QUERY, "PATCH", "/api/users/ann")).isEqualTo("command");
    }

    @Test
    void operationsPreflightsAndASingleNodeServeEverything() throws Exception {
        assertThat(refusal(Role.COMMAND, "GET", "/actuator/health/readiness")).isNull();
        assertThat(refusal(Role.COMMAND, "GET", "/v3/api-docs")).isNull();
        assertThat(refusal(Role.QUERY, "OPTIONS", "/api/posts")).isNull();
        assertThat(refusal(Role.ALL, "GET", "/api/timeline")).isNull();
        assertThat(refusal(Role.ALL, "POST", "/api/posts")).isNull();
    }

    /** The role a 421 names, or null when the request went on to the application. */
    private static String refusal(Role role, String method, String path) throws Exception {
        AtomicReference<MisdirectedRequestException> refused = new AtomicReference<>();
        RoleFilter filter = new RoleFilter(role, (request, response, handler, exception) -> {
            refused.set((MisdirectedRequestException) exception);
            return null;
        });
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(), chain);
        if (refused.get() == null) {
            assertThat(chain.getRequest()).as("passed on").isNotNull();
            return null;
        }
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(refused.get().getStatusCode().value()).isEqualTo(421);
        assertThat(refused.get().getHeaders().getFirst(MisdirectedRequestException.ROLE_HEADER)).isEqualTo(role.name().toLowerCase());
        return (String) refused.get().getBody().getProperties().get("servedBy");
    }
}
