package io.glimpse.api.security;

import io.glimpse.command.Requester;

import java.util.UUID;

/** The caller, as proven by a valid access token of a live session. */
public record AuthenticatedUser(UUID id, String username, boolean admin, UUID sessionId) {

    public Requester asRequester() {
        return new Requester(id, admin);
    }
}
