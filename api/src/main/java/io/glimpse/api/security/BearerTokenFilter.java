package io.glimpse.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <jwt>}. A request without the header goes on
 * anonymously; one with a forged, expired or revoked token is answered 401 at once, even on
 * public endpoints, so a client learns that its token is bad.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens accessTokens;
    private final Sessions sessions;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(AccessTokens accessTokens, Sessions sessions, AuthenticationEntryPoint entryPoint) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthenticatedUser> user = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? accessTokens.verify(header.substring(PREFIX.length()).trim())
                        .filter(verified -> sessions.isActive(verified.sessionId()))
                : Optional.empty();
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("The access token is invalid, expired or revoked"));
            return;
        }
        var roles = user.get().admin()
                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN")
                : AuthorityUtils.createAuthorityList("ROLE_USER");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, roles));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
