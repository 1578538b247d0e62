package io.glimpse.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Glimpse's own settings (prefix {@code glimpse}). docs/configuration.md lists them with the
 * Spring properties that matter.
 *
 * @param dataDir     where the embedded default keeps its database, signing key and media
 * @param security    tokens and roles
 */
@ConfigurationProperties("glimpse")
public record GlimpseProperties(@DefaultValue("./data") Path dataDir,
                                @DefaultValue Security security) {

    /**
     * @param adminUsernames  accounts whose tokens carry the ADMIN role
     * @param jwtSecret       HMAC key for access tokens, at least 32 bytes; when empty, one is
     *                        generated once and kept in {@code <dataDir>/jwt-secret}
     * @param accessTokenTtl  lifetime of an access token
     * @param refreshTokenTtl lifetime of a refresh token (each refresh issues a new one)
     * @param allowedOrigins  browser origins allowed to call the API (CORS)
     */
    public record Security(@DefaultValue List<String> adminUsernames,
                           String jwtSecret,
                           @DefaultValue("15m") Duration accessTokenTtl,
                           @DefaultValue("30d") Duration refreshTokenTtl,
                           @DefaultValue List<String> allowedOrigins) {

        public boolean isAdmin(String username) {
            return Set.copyOf(adminUsernames).contains(username);
        }
    }
}
