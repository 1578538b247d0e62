package io.glimpse.query.live;

import java.util.List;

/** Where committed {@link LiveChange}s go: the API's stream log (in memory, or Redis shared by every node). */
public interface LiveChanges {

    /** Called after the read model committed them, in the order they happened; must not throw. */
    void publish(List<LiveChange> changes);
}
