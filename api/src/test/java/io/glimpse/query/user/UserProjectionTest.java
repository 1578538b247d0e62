package io.glimpse.query.user;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.Events;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The users projection, given events (through Axon's handler adapter), then the read model. */
@EmbeddedGlimpse
class UserProjectionTest {

    @Autowired
    UserProjection projection;
    @Autowired
    UserViewRepository users;

    private final UUID id = UUID.randomUUID();
    private final String username = "proj_" + id.toString().substring(0, 8);

    @Test
    void registrationCreatesTheProfileAndTheCredentials() {
        Instant registeredAt = Instant.parse("2026-11-23T10:15:30.123456Z");
        given(new UserRegistered(id, username, "Proj@Example.com", "{argon2}hash", "Pro J"), registeredAt);

        assertThat(users.findByUsername(username)).hasValueSatisfying(user -> {
            assertThat(user.displayName()).isEqualTo("Pro J");
            assertThat(user.bio()).isEmpty();
            assertThat(user.followersCount()).isZero();
            assertThat(user.createdAt()).isEqualTo(registeredAt);
        });
        assertThat(users.findCredentials("proj@example.com")).hasValueSatisfying(credentials ->
                assertThat(credentials.passwordHash()).isEqualTo("{argon2}hash"));
        assertThat(users.findCredentials(username.toUpperCase())).isPresent();
    }

    @Test
    void aProfileUpdateReplacesNameAndBio() {
        given(new UserRegistered(id, username, username + "@example.com", "h", "Before"), Instant.now());
        given(new UserProfileUpdated(id, "After", "New bio"), Instant.now());

        assertThat(users.findById(id)).hasValueSatisfying(user -> {
            assertThat(user.displayName()).isEqualTo("After");
            assertThat(user.bio()).isEqualTo("New bio");
        });
    }

    @Test
    void deletionErasesEverythingAboutTheUser() {
        given(new UserRegistered(id, username, username + "@example.com", "h", "Soon gone"), Instant.now());
        given(new UserDeleted(id, id), Instant.now());

        assertThat(users.findById(id)).isEmpty();
        assertThat(users.findCredentials(username + "@example.com")).isEmpty();
    }

    private void given(Object event, Instant at) {
        Events.feedAt(projection, event, at);
    }
}
