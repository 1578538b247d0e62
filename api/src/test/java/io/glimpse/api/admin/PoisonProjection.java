package io.glimpse.api.admin;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostEdited;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A test-only processor that fails on posts whose caption says "poison" until it is healed. */
@ProcessingGroup(PoisonProjection.NAME)
class PoisonProjection {

    static final String NAME = "poison-test";

    final List<String> handled = new CopyOnWriteArrayList<>();
    volatile boolean healed;

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
