package io.glimpse.api.support;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostEdited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only event processor that fails on posts whose caption says "poison" until it is
 * healed, for the dead-letter tests. Part of every test context (see the Glimpse test
 * annotations), so that the dead-letter tests share the one PostgreSQL context instead of
 * starting a second one that would compete for the same tokens.
 */
@ProcessingGroup(PoisonProcessor.NAME)
public class PoisonProcessor {

    public static final String NAME = "poison-test";
    /** Retry a parked event once by itself, a second after it failed. */
    public static final String RETRY_ONCE_AFTER_A_SECOND = "glimpse.dead-letters.automatic-retries=1";
    public static final String FIRST_RETRY_AFTER = "glimpse.dead-letters.first-retry-after=1s";
    public static final String RETRY_INTERVAL = "glimpse.dead-letters.retry-interval=200ms";

    public final List<String> handled = new CopyOnWriteArrayList<>();
    public volatile boolean healed;

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        PoisonProcessor poisonProcessor() {
            return new PoisonProcessor();
        }
    }

    @EventHandler
    void on(PostCreated event) {
        fail(event.caption());
        handled.add("created:" + event.postId());
    }

    @EventHandler
    void on(PostEdited event) {
        handled.add("edited:" + event.postId());
    }

    private void fail(String caption) {
        if (!healed && caption != null && caption.contains("poison")) {
            throw new IllegalStateException("Poisoned: " + caption);
        }
    }
}
