package io.glimpse.api.mastodon.status;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of {@code POST /api/v1/statuses}: a client that retries a post
 * (after a timeout, say) gets the status it made the first time instead of a second one. A key is
 * claimed before the status is made, by a primary-key insert, so that two concurrent retries
 * cannot both make one; keys are kept for a day, as Mastodon keeps them (one hour in Mastodon's
 * docs, one day in practice).
 */
@Component
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofDays(1);
    static final int KEY_MAX = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return empty if the key is now claimed for {@code statusId}, else the status it was claimed for before */
    Optional<UUID> claim(UUID userId, String key, UUID statusId) {
        jdbc.sql("delete from mastodon_idempotency where user_id = ? and idempotency_key = ? and created_at < ?")
                .params(userId, key, clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC)).update();
        try {
            jdbc.sql("insert into mastodon_idempotency (user_id, idempotency_key, status_id, created_at) values (?, ?, ?, ?)")
                    .params(userId, key, statusId, clock.instant().atOffset(ZoneOffset.UTC)).update();
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("select status_id from mastodon_idempotency where user_id = ? and idempotency_key = ?")
                    .params(userId, key).query(UUID.class).optional();
        }
    }

    /** Frees a key whose status could not be made, so that a retry tries again. */
    void release(UUID userId, String key) {
        jdbc.sql("delete from mastodon_idempotency where user_id = ? and idempotency_key = ?").params(userId, key).update();
    }
}
