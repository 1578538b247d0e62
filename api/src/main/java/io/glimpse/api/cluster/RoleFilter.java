package io.glimpse.api.cluster;

import io.glimpse.processing.cluster.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Answers 421 for what this node's role does not serve, by a rule a load balancer routes on with
 * the method and one path prefix: GET and HEAD go to query nodes, every other method to command
 * nodes, and {@code /api/admin/**} (projections, replays, segments, dead letters: the event
 * processors live there) to query nodes whatever the method. Operations endpoints (health,
 * metrics, the API document) and CORS preflights are answered everywhere. A node with role
 * {@code all} serves everything.
 */
class RoleFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final List<String> EVERYWHERE = List.of("/actuator", "/v3/api-docs", "/swagger-ui");
    private static final String PROCESSORS = "/api/admin/";

    private final Role role;
    private final HandlerExceptionResolver problems;

    RoleFilter(Role role, HandlerExceptionResolver problems) {
        this.role = role;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return role == Role.ALL || "OPTIONS".equals(request.getMethod())
                || EVERYWHERE.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Role serves = servedBy(request);
        if (serves == role) {
            chain.doFilter(request, response);
        } else {
            problems.resolveException(request, response, null, new MisdirectedRequestException(role, serves));
        }
    }

    /** The role that serves this request in a split deployment. */
    static Role servedBy(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || request.getRequestURI().startsWith(PROCESSORS)
                ? Role.QUERY : Role.COMMAND;
    }
}
