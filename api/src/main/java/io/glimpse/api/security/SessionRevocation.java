package io.glimpse.api.security;

import io.glimpse.events.user.UserEvent.UserDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a deleted account, whoever deleted it. A projection (in the read-your-
 * writes sense): the DELETE answers only after the account's tokens have stopped working.
 */
@Component
@ProcessingGroup("sessions-projection")
class SessionRevocation {

    private final Sessions sessions;

    SessionRevocation(Sessions sessions) {
        this.sessions = sessions;
    }

    @EventHandler
    void on(UserDeleted event) {
        sessions.revokeAllOf(event.userId());
    }
}
