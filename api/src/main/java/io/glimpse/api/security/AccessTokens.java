package io.glimpse.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.glimpse.api.config.GlimpseProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived HS256 JWTs (jjwt). Each names its session ({@code sid}) so that revoking the session
 * (logout, refresh-token reuse, account deletion) also ends the access tokens issued for it.
 */
@Component
public class AccessTokens {

    private static final String ISSUER = "glimpse";
    private static final int VERIFIED_TOKENS = 50_000;

    private final JwtSigningKey signingKey;
    private final Duration ttl;
    private final Clock clock;
    private final JwtParser parser;
    /** Bounded; an entry outlives its token by no more than the token's lifetime. */
    private final Cache<String, Verified> verified;

    AccessTokens(JwtSigningKey signingKey, GlimpseProperties properties, Clock clock) {
        this.signingKey = signingKey;
        this.ttl = properties.security().accessTokenTtl();
        this.clock = clock;
        // verifyWith + parseSignedClaims accepts only tokens signed with our key: "alg":"none"
        // and tokens signed with anything else are rejected.
        this.parser = Jwts.parser()
                .verifyWith(signingKey.key())
                .requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant()))
                .build();
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS).expireAfterWrite(ttl).build();
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(AuthenticatedUser user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .claim("username", user.username())
                .claim("sid", user.sessionId().toString())
                .claim("roles", user.admin() ? List.of("USER", "ADMIN") : List.of("USER"))
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(signingKey.key(), Jwts.SIG.HS256)
                .compact();
    }

    /**
     * @return the token's user, or empty when the token is forged, expired or malformed. A token
     * seen before is not verified again until it expires: a client sends the same token with every
     * request, and checking its signature and parsing its claims was a seventh of a timeline read.
     * Only tokens that passed verification are remembered, keyed by their exact text.
     */
    public Optional<AuthenticatedUser> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = parse(token);
            if (known == null) {
                return Optional.empty();
            }
            verified.put(token, known);
        }
        return clock.instant().isBefore(known.expiresAt()) ? Optional.of(known.user()) : Optional.empty();
    }

    private Verified parse(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            List<?> roles = claims.get("roles", List.class);
            return new Verified(new AuthenticatedUser(
                    UUID.fromString(claims.getSubject()),
                    claims.get("username", String.class),
                    roles != null && roles.contains("ADMIN"),
                    UUID.fromString(claims.get("sid", String.class))),
                    claims.getExpiration().toInstant());
        } catch (JwtException | IllegalArgumentException | NullPointerException invalid) {
            return null;
        }
    }

    private record Verified(AuthenticatedUser user, Instant expiresAt) {
    }
}
