package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.post.PostQueries.PostPage;
import io.glimpse.query.post.PostView;
import io.glimpse.query.post.PostViewRepository;
import io.glimpse.query.timeline.TimelineQueries.ReadTimeline;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a home timeline: the pushed entries from the store, the viewer's own and followed
 * celebrities' posts merged in, older pages beyond a capped store's reach and every page while the store is being
 * rebuilt pulled from SQL; then the page's posts hydrated in one batch, leaving out deleted ones
 * and those hidden by a block.
 */
@Component
class TimelineQueryHandler {

    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::createdAt).thenComparing(entry -> entry.postId().toString()).reversed();

    private final TimelineStore store;
    private final TimelineSources sources;
    private final PostViewRepository posts;
    private final TimelineProperties properties;

    TimelineQueryHandler(TimelineStore store, TimelineSources sources, PostViewRepository posts,
                         TimelineProperties properties) {
        this.store = store;
        this.sources = sources;
        this.posts = posts;
        this.properties = properties;
    }

    @QueryHandler
    PostPage handle(ReadTimeline query) {
        // One entry more than the page shows, to know whether another page follows.
        List<TimelineEntry> entries = entries(query.viewerId(), query.after(), query.limit() + 1);
        boolean more = entries.size() > query.limit();
        List<TimelineEntry> page = more ? entries.subList(0, query.limit()) : entries;
        List<PostView> items = posts.findAll(page.stream().map(TimelineEntry::postId).toList(), query.viewerId());
        String next = more ? cursorAt(page.get(page.size() - 1)).encode() : null;
        return new PostPage(items, next);
    }

    private List<TimelineEntry> entries(UUID viewer, Cursor after, int count) {
        Optional<TimelineStore.Slice> stored = store.slice(viewer, after, count);
        if (stored.isEmpty()) {
            return sources.pull(viewer, null, after, count);
        }
        List<TimelineEntry> entries = new ArrayList<>(stored.get().entries());
        if (entries.size() < count && !stored.get().complete()) {
            Cursor from = entries.isEmpty() ? after : cursorAt(entries.get(entries.size() - 1));
            entries.addAll(sources.pull(viewer, null, from, count - entries.size()));
        }
        // The viewer's own posts from the posts read model too: a post's 201 waits for that one,
        // not for the fan-out to the followers' timelines, and its author sees it here at once.
        posts.newestBy(viewer, after, count).forEach(own -> entries.add(new TimelineEntry(own.id(), viewer, own.time())));
        List<UUID> celebrities = sources.celebritiesFollowedBy(viewer, properties.celebrityThreshold());
        if (!celebrities.isEmpty()) {
            entries.addAll(sources.pull(viewer, celebrities, after, count));
        }
        Map<UUID, TimelineEntry> unique = new LinkedHashMap<>();
        entries.stream().sorted(NEWEST_FIRST).forEach(entry -> unique.putIfAbsent(entry.postId(), entry));
        return unique.values().stream().limit(count).toList();
    }

    private static Cursor cursorAt(TimelineEntry entry) {
        return new Cursor(entry.createdAt(), entry.postId());
    }
}
