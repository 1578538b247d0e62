package io.glimpse.command;

import io.glimpse.command.feature.FeatureFlagCommands.SetRollout;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.post.PostCommands.DeletePost;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetResolverTest {

    private final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier UUID id, @TargetAggregateVersion String version) {
    }

    record MethodFirst(@TargetAggregateIdentifier String field) {
        @TargetAggregateIdentifier
        public String fromMethod() {
            return "method";
        }
    }

    record NotAggregateCommand(String id) {
    }

    record NoIdentifierGiven(@TargetAggregateIdentifier String id) {
    }

    static Stream<Object> commands() {
        UUID post = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        return Stream.of(
                new LikePost(post, user), // a method on a record
                new DeletePost(post, null), // a record component
                new SetRollout("flag", 10, null),
                new Versioned(post, "7"),
                new MethodFirst("field"),
                new FollowUser(user, UUID.randomUUID()));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void findsWhatAxonsResolverFinds(Object command) {
        var message = GenericCommandMessage.asCommandMessage(command);

        VersionedAggregateIdentifier target = cached.resolveTarget(message);

        assertThat(target).isEqualTo(axons.resolveTarget(message));
        assertThat(cached.resolveTarget(message)).as("the second time, from the cache").isEqualTo(target);
    }

    @Test
    void aVersionIsReadAsANumber() {
        var target = cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Versioned(UUID.randomUUID(), "7")));

        assertThat(target.getVersion()).isEqualTo(7L);
    }

    @Test
    void aCommandWithoutATargetIsRefusedAsAxonRefusesIt() {
        for (Object command : new Object[]{new NotAggregateCommand("x"), new NoIdentifierGiven(null)}) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThatThrownBy(() -> axons.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(message))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not identify the target aggregate")
                    .hasMessageContaining(command.getClass().getSimpleName());
        }
    }

    @Test
    void aVersionThatIsNotANumberIsRefused() {
        var message = GenericCommandMessage.asCommandMessage(new Versioned(UUID.randomUUID(), "seven"));

        assertThatThrownBy(() -> cached.resolveTarget(message))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
