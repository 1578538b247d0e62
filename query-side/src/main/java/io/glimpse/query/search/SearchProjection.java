package io.glimpse.query.search;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.search.IndexChange.EditPost;
import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange.PutUser;
import io.glimpse.query.search.IndexChange.RemovePost;
import io.glimpse.query.search.IndexChange.RemoveUser;
import io.glimpse.query.search.IndexChange.RenameUser;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the search index: posts on create, edit and delete; accounts (for usernames in post
 * search and user suggestions) on registration, display name change and deletion, which also
 * takes the account's posts out. Blocks are not indexed: they are applied when searching.
 *
 * <p>A batch's changes are collected and written in one go when the batch commits, before the
 * processor stores its position: a write the client waited for (read-your-writes) is searchable,
 * and a crash between the two only repeats idempotent writes. A reset (replay) builds a new
 * generation of the index while the live one keeps answering; the first event after the replay
 * swaps it in (and {@code SearchGuard} does so when no such event comes).
 */
@Component
@ProcessingGroup(SearchProjection.NAME)
public class SearchProjection {

    public static final String NAME = "search-projection";
    private static final String BATCH = SearchProjection.class.getName() + ".batch";

    private final SearchIndex index;

    SearchProjection(SearchIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(UserRegistered event, ReplayStatus status) {
        record(new PutUser(event.userId(), event.username(), event.displayName()), status);
    }

    @EventHandler
    void on(UserProfileUpdated event, ReplayStatus status) {
        record(new RenameUser(event.userId(), event.displayName()), status);
    }

    @EventHandler
    void on(UserDeleted event, ReplayStatus status) {
        record(new RemoveUser(event.userId()), status);
    }

    @EventHandler
    void on(PostCreated event, @Timestamp Instant at, ReplayStatus status) {
        record(new PutPost(event.postId(), event.authorId(), event.caption(), event.tags(),
                at.truncatedTo(ChronoUnit.MICROS)), status);
    }

    @EventHandler
    void on(PostEdited event, ReplayStatus status) {
        record(new EditPost(event.postId(), event.caption(), event.tags()), status);
    }

    @EventHandler
    void on(PostDeleted event, ReplayStatus status) {
        record(new RemovePost(event.postId()), status);
    }

    @ResetHandler
    void reset() {
        index.beginRebuild();
    }

    private void record(IndexChange change, ReplayStatus status) {
        List<IndexChange> batch = batch();
        if (!status.isReplay() && index.isRebuilding()) {
            // Past the replay: the new generation holds everything before this event.
            flush(batch);
            index.completeRebuild();
        }
        batch.add(change);
        if (!CurrentUnitOfWork.isStarted()) {
            flush(batch);
        }
    }

    /** The changes of the batch being processed, written when it commits; outside a batch, a fresh list. */
    private List<IndexChange> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ArrayList<>();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<IndexChange> changes = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> flush(changes));
            return changes;
        });
    }

    private void flush(List<IndexChange> changes) {
        index.apply(List.copyOf(changes));
        changes.clear();
    }
}
