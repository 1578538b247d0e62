package io.glimpse.processing.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command bus and the event store report, in place of Axon's own monitors. */
class MessageMonitorsTest {

    record LikePost(String postId) {
    }

    record PostLiked(String postId) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void eachCommandIsTimedByItsNameAndWhetherItSucceeded() {
        CommandMonitor monitor = new CommandMonitor(registry);

        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new LikePost("a"))).reportSuccess();
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new LikePost("b"))).reportSuccess();
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(new LikePost("c")))
                .reportFailure(new IllegalStateException("rejected"));

        assertThat(registry.get("glimpse.commands").tags("command", "LikePost", "result", "succeeded").timer().count())
                .isEqualTo(2);
        assertThat(registry.get("glimpse.commands").tags("command", "LikePost", "result", "failed").timer().count())
                .isEqualTo(1);
    }

    @Test
    void anEventIsCountedOnceItsTransactionCommittedAndNotWhenItRolledBack() {
        PublishedEventsMonitor monitor = new PublishedEventsMonitor(registry);

        monitor.onMessageIngested(GenericEventMessage.asEventMessage(new PostLiked("a"))).reportSuccess();
        var rolledBack = monitor.onMessageIngested(GenericEventMessage.asEventMessage(new PostLiked("b")));
        rolledBack.reportFailure(new IllegalStateException("rolled back"));

        assertThat(registry.get("glimpse.events.published").tags("event", "PostLiked").counter().count()).isEqualTo(1);
    }
}
