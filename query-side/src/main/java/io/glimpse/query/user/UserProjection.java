package io.glimpse.query.user;

import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds the users read model: profiles and login credentials. */
@Component
@ProcessingGroup(UserProjection.NAME)
public class UserProjection {

    public static final String NAME = "users-projection";

    private final UserViewRepository users;

    UserProjection(UserViewRepository users) {
        this.users = users;
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant registeredAt) {
        users.insert(event.userId(), event.username(), event.email(), event.passwordHash(),
                event.displayName(), registeredAt);
    }

    @EventHandler
    void on(UserProfileUpdated event) {
        users.updateProfile(event.userId(), event.displayName(), event.bio());
    }

    @EventHandler
    void on(UserDeleted event) {
        users.delete(event.userId());
    }

    @ResetHandler
    void reset() {
        users.deleteAll();
    }
}
