package io.glimpse.query.user;

import io.glimpse.events.user.UserEvent.UserAvatarChanged;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.media.MediaStore;
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
    private final MediaStore mediaStore;

    UserProjection(UserViewRepository users, MediaStore mediaStore) {
        this.users = users;
        this.mediaStore = mediaStore;
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
    void on(UserAvatarChanged event) {
        users.changeAvatar(event.userId(), mediaStore.publicUrl(event.avatarKey()));
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
