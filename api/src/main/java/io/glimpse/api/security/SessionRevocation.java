package io.glimpse.api.security;

import io.glimpse.events.user.UserEvent.UserDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a deleted account, whoever deleted it. The DELETE waits for it
 * ({@code ReadModel.SESSIONS}): it answers only after the account's tokens have stopped working.
 */
@Component
@ProcessingGroup(SessionRevocation.NAME)
public class SessionRevocation {

    public static final String NAME = "session-revocation";

    private final Sessions sessions;

    SessionRevocation(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventHandler
    void on(UserDeleted event) {
        sessions.revokeAllOf(event.userId());
    }
}
