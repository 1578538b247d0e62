package io.glimpse.query.live;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Where committed {@link LiveChange}s go: the API's stream log (in memory, or Redis shared by every node). */
public interface LiveChanges {

    /**
     * Which of these users have a live feed: changes for the others are not even made (a
     * notification is read back through the inbox's query before it goes out, and its recipient's
     * unread count counted).
     */
    Set<UUID> present(Collection<UUID> userIds);

    /**
     * Called after the read model committed them, in the order they happened, with changes for
     * users {@link #present} answered; must not throw.
     */
    void publish(List<LiveChange> changes);
}
