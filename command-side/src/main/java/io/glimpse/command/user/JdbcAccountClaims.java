package io.glimpse.command.user;

import io.glimpse.command.CommandRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Claims kept in two tables whose primary keys make uniqueness hold under concurrency: of two
 * transactions inserting the same key, the database lets one commit and fails the other. The
 * statements run on the command's own transaction (Axon's unit of work joins the Spring one).
 *
 * <p>Emails are stored as SHA-256 hashes of their lower-case form: enough to detect duplicates,
 * no personal data kept once the account is gone.
 */
@Component
class JdbcAccountClaims implements AccountClaims {

    private final JdbcClient jdbc;

    JdbcAccountClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UUID userId, String username, String email) {
        insertOrReject("insert into username_claim (username, user_id) values (?, ?)",
                AccountRules.normalizeUsername(username), userId, "username", "is already taken");
        insertOrReject("insert into email_claim (email_hash, user_id) values (?, ?)",
                emailHash(email), userId, "email", "is already registered");
    }

    @Override
    public void releaseEmail(UUID userId) {
        jdbc.sql("delete from email_claim where user_id = ?").param(userId).update();
    }

    private void insertOrReject(String sql, String key, UUID userId, String field, String message) {
        try {
            jdbc.sql(sql).param(key).param(userId).update();
        } catch (DuplicateKeyException taken) {
            throw CommandRejectedException.conflict(field, message);
        }
    }

    static String emailHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
