package io.glimpse.query.user;

import java.util.UUID;

/** What login needs to check a password. Never leaves the server. */
public record Credentials(UUID userId, String username, String passwordHash) {
}
