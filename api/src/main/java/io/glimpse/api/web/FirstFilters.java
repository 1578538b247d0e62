package io.glimpse.api.web;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * The filters that run before Spring Security and everything else, in the order of their
 * positions: 0 Mastodon's way of answering on its paths (it rewrites what the others refuse),
 * 1 the body limit, 2 unreadable Accept headers, 3 the node's role, 4 consistency tokens.
 */
public final class FirstFilters {

    private FirstFilters() {
    }

    public static <F extends Filter> FilterRegistrationBean<F> at(int position, F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
        return registration;
    }
}
