package io.glimpse.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller method serves. Security lets them through so that MVC can
 * answer them truthfully: 404 for an unknown route, 405 for a wrong method, 415 for a wrong
 * content type, rather than 401 to anyone who is not logged in. No handler runs for them.
 */
public class UnmappedRequestMatcher implements RequestMatcher {

    private final RequestMappingHandlerMapping controllers;

    public UnmappedRequestMatcher(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return controllers.getHandler(request) == null;
        } catch (Exception noMatchingMethodOrMediaType) {
            return true;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
        }
    }
}
