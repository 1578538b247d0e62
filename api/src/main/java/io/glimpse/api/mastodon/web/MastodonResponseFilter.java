package io.glimpse.api.mastodon.web;

import io.glimpse.api.ratelimit.RateLimitHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes responses on the Mastodon paths look as Mastodon's do, whoever produced them (a
 * controller, Spring Security, the rate limiter, Spring MVC for a wrong method):
 * <ul>
 *   <li>a problem+json error becomes {@code {"error": "..."}} with the same status, except that
 *       invalid input is 422 "Validation failed: ..." as in Mastodon (Glimpse says 400);</li>
 *   <li>Glimpse's {@code RateLimit-*} fields get Mastodon's {@code X-RateLimit-Limit},
 *       {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (an ISO 8601 time) beside them.</li>
 * </ul>
 * It runs before the security filters, so that their 401s are rewritten too. Not on the streams of
 * the streaming API: it buffers the whole answer, which a stream never ends and a WebSocket upgrade
 * has not; the streaming endpoints and the security chain answer in Mastodon's words themselves.
 */
public class MastodonResponseFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;
    private final Clock clock;

    public MastodonResponseFilter(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MastodonPaths.matches(request) || MastodonPaths.isStream(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            addMastodonRateLimitHeaders(wrapper);
            String type = wrapper.getContentType();
            if (type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                rewriteProblem(wrapper);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void addMastodonRateLimitHeaders(HttpServletResponse response) {
        String limit = response.getHeader(RateLimitHeaders.LIMIT);
        String remaining = response.getHeader(RateLimitHeaders.REMAINING);
        String reset = response.getHeader(RateLimitHeaders.RESET);
        if (limit == null || remaining == null || reset == null) {
            return;
        }
        response.setHeader("X-RateLimit-Limit", limit);
        response.setHeader("X-RateLimit-Remaining", remaining);
        try {
            Instant at = clock.instant().plusSeconds(Long.parseLong(reset)).truncatedTo(ChronoUnit.SECONDS);
            response.setHeader("X-RateLimit-Reset", at.toString());
        } catch (NumberFormatException ignored) {
            // not a number of seconds: leave the Mastodon field out rather than invent one
        }
    }

    private void rewriteProblem(ContentCachingResponseWrapper wrapper) throws IOException {
        JsonNode problem;
        try {
            problem = mapper.readTree(wrapper.getContentAsByteArray());
        } catch (RuntimeException unreadable) {
            return;
        }
        int status = wrapper.getStatus();
        String message = problem.path("detail").asString(problem.path("title").asString("Error"));
        if (problem.path("type").asString("").endsWith("/validation") || problem.has("errors") && status == 400
                || status == 409) {
            status = 422;
            message = "Validation failed: " + fieldMessages(problem.path("errors"), message);
        }
        byte[] body = mapper.writeValueAsBytes(Map.of("error", message));
        wrapper.resetBuffer();
        wrapper.setStatus(status);
        wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
        wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
        wrapper.getOutputStream().write(body);
    }

    private static String fieldMessages(JsonNode errors, String fallback) {
        List<String> parts = new ArrayList<>();
        errors.forEach(error -> parts.add(error.path("field").asString("") + " " + error.path("message").asString("")));
        return parts.isEmpty() ? fallback : String.join(", ", parts);
    }
}
