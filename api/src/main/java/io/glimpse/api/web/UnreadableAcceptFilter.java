package io.glimpse.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Disregards an {@code Accept} header that cannot be parsed ({@code Accept: garbage}), as RFC 9110
 * allows: the request is answered as if it had none. Otherwise content negotiation fails on it
 * again while the error is written, and the client gets an empty 406 instead of an answer.
 */
class UnreadableAcceptFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(readable(request) ? request : new WithoutAccept(request), response);
    }

    private static boolean readable(HttpServletRequest request) {
        for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT); values.hasMoreElements(); ) {
            try {
                MediaType.parseMediaTypes(values.nextElement());
            } catch (InvalidMediaTypeException e) {
                return false;
            }
        }
        return true;
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.ACCEPT.equalsIgnoreCase(name)).toList());
        }
    }
}
