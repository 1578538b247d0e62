package io.glimpse.query.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * The accounts a mention can name, as of the event the notifications processor is handling
 * ({@code notification_user}): kept from the account events by that processor itself, so that a
 * replay notifies exactly the mentions the first build did (not a mention of someone who
 * registered later). Written at once, in the batch's transaction, so that a registration and a
 * mention in one batch see each other.
 */
@Repository
class MentionableUsers {

    private final JdbcClient jdbc;

    MentionableUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String username, UUID userId) {
        jdbc.sql("delete from notification_user where username = ?").param(username).update();
        jdbc.sql("insert into notification_user (username, user_id) values (?, ?)").params(username, userId).update();
    }

    void remove(UUID userId) {
        jdbc.sql("delete from notification_user where user_id = ?").param(userId).update();
    }

    Optional<UUID> idOf(String username) {
        return jdbc.sql("select user_id from notification_user where username = ?").param(username)
                .query(UUID.class).optional();
    }

    void removeAll() {
        jdbc.sql("delete from notification_user").update();
    }
}
