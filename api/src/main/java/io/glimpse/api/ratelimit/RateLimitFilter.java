package io.glimpse.api.ratelimit;

import io.glimpse.api.security.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.Optional;

/**
 * Applies the rate limits to {@code /api/**} and {@code /oauth/**}. It runs in the security filter chain right after
 * the bearer-token filter (SecurityConfiguration), so it knows the caller, and before
 * authorization, so that calls refused with 401 or 403 count too. Health probes, metrics, the API
 * documents and media files are not limited.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/oauth/**")); // the Mastodon API's OAuth

    private final boolean enabled;
    private final RateLimiter limiter;
    private final HandlerExceptionResolver problems;

    RateLimitFilter(boolean enabled, RateLimiter limiter, HandlerExceptionResolver problems) {
        this.enabled = enabled;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Verdict> verdict = limiter.check(request, caller());
        if (verdict.isPresent() && !verdict.get().allowed()) {
            problems.resolveException(request, response, null, new RateLimitedException(verdict.get()));
            return;
        }
        verdict.ifPresent(allowed -> RateLimitHeaders.write(allowed, response::setHeader));
        chain.doFilter(request, response);
    }

    private static AuthenticatedUser caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }
}
