package io.glimpse.api.mastodon.oauth;

import io.glimpse.api.config.GlimpseProperties;
import io.glimpse.api.mastodon.web.MastodonPaths;
import io.glimpse.api.security.AccessTokens;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.security.Sessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates the Mastodon API's callers: {@code Authorization: Bearer} with a Mastodon access
 * token (opaque, {@link OAuthTokens}) or with a Glimpse JWT, whose holder may do everything (as
 * on the native API). A Mastodon token carries its scopes; a call that needs a scope the token
 * lacks is answered 403 here. A bad token is 401 at once, even on public endpoints, as Mastodon does.
 * On the streams of the streaming API only, the token may also come as Mastodon's streaming server
 * takes it, since browsers' EventSource and WebSocket cannot set headers: the {@code access_token}
 * parameter, or the {@code Sec-WebSocket-Protocol} header (masto.js's default, which keeps it out of URLs).
 */
public class MastodonTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    public static final String APP_ROLE = "ROLE_MASTODON_APP";
    /** The request attribute holding the {@link TokenGrant} of a Mastodon token. */
    public static final String GRANT_ATTRIBUTE = TokenGrant.class.getName();

    private final OAuthTokens tokens;
    private final AccessTokens jwts;
    private final Sessions sessions;
    private final GlimpseProperties properties;
    private final MastodonSecurityErrors errors;

    public MastodonTokenFilter(OAuthTokens tokens, AccessTokens jwts, Sessions sessions, GlimpseProperties properties,
                               MastodonSecurityErrors errors) {
        this.tokens = tokens;
        this.jwts = jwts;
        this.sessions = sessions;
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = presentedToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = token.chars().filter(c -> c == '.').count() == 2 ? fromJwt(token) : fromOAuth(token);
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            errors.write(response, 401, "The access token is invalid");
            return;
        }
        String needed = RequiredScope.of(request);
        if (needed != null && caller.get().scopes() != null && !caller.get().scopes().allows(needed)) {
            errors.write(response, 403, "This action is outside the authorized scopes");
            return;
        }
        caller.get().grant().ifPresent(grant -> request.setAttribute(GRANT_ATTRIBUTE, grant));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.get().principal(), null,
                caller.get().authorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return header.substring(PREFIX.length()).trim();
        }
        if (!MastodonPaths.isStream(request)) {
            return null;
        }
        String parameter = request.getParameter("access_token");
        if (parameter != null && !parameter.isBlank()) {
            return parameter.trim();
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        return protocols == null || protocols.isBlank() ? null : protocols.split(",")[0].trim();
    }

    /** @param scopes {@code null} for a Glimpse JWT, which is not limited by scopes */
    private record Caller(Object principal, Scopes scopes, List<GrantedAuthority> authorities,
                          Optional<TokenGrant> grant) {
    }

    private Optional<Caller> fromJwt(String token) {
        return jwts.verify(token)
                .filter(user -> sessions.isActive(user.sessionId()))
                .map(user -> new Caller(user, null, userAuthorities(user, null), Optional.empty()));
    }

    private Optional<Caller> fromOAuth(String token) {
        Optional<TokenGrant> found = tokens.verify(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenGrant grant = found.get();
        if (grant.isAppOnly()) {
            List<GrantedAuthority> authorities = new ArrayList<>(scopeAuthorities(grant.scopes()));
            authorities.add(new SimpleGrantedAuthority(APP_ROLE));
            return Optional.of(new Caller(new AppPrincipal(grant.appId(), grant.scopes()), grant.scopes(), authorities,
                    found));
        }
        if (!sessions.isActive(grant.sessionId())) {
            return Optional.empty();
        }
        var user = new AuthenticatedUser(grant.userId(), grant.username(),
                properties.security().isAdmin(grant.username()), grant.sessionId());
        return Optional.of(new Caller(user, grant.scopes(), userAuthorities(user, grant.scopes()), found));
    }

    private static List<GrantedAuthority> userAuthorities(AuthenticatedUser user, Scopes scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (user.admin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (scopes != null) {
            authorities.addAll(scopeAuthorities(scopes));
        }
        return authorities;
    }

    private static List<GrantedAuthority> scopeAuthorities(Scopes scopes) {
        return scopes.list().stream().<GrantedAuthority>map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList();
    }
}
