package io.glimpse.command.user;

import io.glimpse.command.CommandRejectedException;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The claims contract without a database, for aggregate fixtures. JdbcAccountClaims is tested end to end. */
class InMemoryAccountClaims implements AccountClaims {

    final Map<String, UUID> usernames = new HashMap<>();
    final Map<String, UUID> emails = new HashMap<>();

    @Override
    public void claim(UUID userId, String username, String email) {
        String emailKey = email.trim().toLowerCase();
        if (usernames.containsKey(username)) {
            throw CommandRejectedException.conflict("username", "is already taken");
        }
        if (emails.containsKey(emailKey)) {
            throw CommandRejectedException.conflict("email", "is already registered");
        }
        usernames.put(username, userId);
        emails.put(emailKey, userId);
    }

    @Override
    public void releaseEmail(UUID userId) {
        emails.values().removeIf(owner -> Objects.equals(owner, userId));
    }
}
