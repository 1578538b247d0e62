package io.glimpse.api.mastodon.oauth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered client apps. Only the SHA-256 of a client secret is kept. */
@Component
public class MastodonApps {

    private final JdbcClient jdbc;
    private final Clock clock;

    MastodonApps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new app and its client secret, which is shown this once. */
    public record Registration(RegisteredApp app, String clientSecret) {
    }

    public Registration register(String name, String website, List<String> redirectUris, Scopes scopes) {
        UUID id = UUID.randomUUID();
        String clientId = Secrets.random();
        String clientSecret = Secrets.random();
        jdbc.sql("""
                        insert into mastodon_app (id, client_id, client_secret_hash, name, website, redirect_uris,
                                                  scopes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, clientId, Secrets.sha256Hex(clientSecret), name, website, String.join("\n", redirectUris),
                        scopes.text(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return new Registration(new RegisteredApp(id, clientId, name, website, redirectUris, scopes), clientSecret);
    }

    public Optional<RegisteredApp> find(UUID id) {
        return select("id = ?", id);
    }

    /** The app whose id and secret these are; a wrong secret is the same as no app. */
    public RegisteredApp authenticate(String clientId, String clientSecret) {
        Optional<String> hash = jdbc.sql("select client_secret_hash from mastodon_app where client_id = ?")
                .param(clientId == null ? "" : clientId).query(String.class).optional();
        if (hash.isEmpty() || clientSecret == null || !Secrets.same(hash.get(), Secrets.sha256Hex(clientSecret))) {
            throw new OAuthException(OAuthException.INVALID_CLIENT, "Client authentication failed due to unknown "
                    + "client, no client authentication included, or unsupported authentication method.");
        }
        return byClientId(clientId).orElseThrow();
    }

    public Optional<RegisteredApp> byClientId(String clientId) {
        return select("client_id = ?", clientId == null ? "" : clientId);
    }

    private Optional<RegisteredApp> select(String where, Object value) {
        return jdbc.sql("select id, client_id, name, website, redirect_uris, scopes from mastodon_app where " + where)
                .param(value)
                .query((rs, row) -> new RegisteredApp(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), Arrays.asList(rs.getString(5).split("\n")), Scopes.parse(rs.getString(6))))
                .optional();
    }
}
