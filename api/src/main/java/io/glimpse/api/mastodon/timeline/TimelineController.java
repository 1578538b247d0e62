package io.glimpse.api.mastodon.timeline;

import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.status.MastodonStatus;
import io.glimpse.api.mastodon.status.StatusMapper;
import io.glimpse.api.mastodon.status.Statuses;
import io.glimpse.api.mastodon.web.MastodonPager;
import io.glimpse.api.mastodon.web.PageWindow;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.post.PostQueries.ListUserPosts;
import io.glimpse.query.post.PostQueries.PostPage;
import io.glimpse.query.post.PostView;
import io.glimpse.query.timeline.TimelineQueries.ReadTimeline;
import io.glimpse.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Lists of statuses, newest first, paginated as Mastodon does (max_id, since_id, min_id, limit
 * up to 40, Link header): the home timeline (Glimpse's timeline store), the public timeline (all
 * posts) and an account's statuses. Glimpse's profiles list posts, never comments, so
 * {@code exclude_replies} changes nothing there; a post's position is its (time, id), and a
 * status id sent as {@code max_id} is looked up for its exact time.
 */
@RestController("mastodonTimelineController")
class TimelineController {

    private final Queries queries;
    private final Accounts accounts;
    private final Statuses statuses;
    private final StatusMapper mapper;
    private final PublicPosts publicPosts;

    TimelineController(Queries queries, Accounts accounts, Statuses statuses, StatusMapper mapper,
                       PublicPosts publicPosts) {
        this.queries = queries;
        this.accounts = accounts;
        this.statuses = statuses;
        this.mapper = mapper;
        this.publicPosts = publicPosts;
    }

    @GetMapping("/api/v1/timelines/home")
    ResponseEntity<List<MastodonStatus>> home(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        return page(request, me, (after, limit) -> slice(queries.one(new ReadTimeline(me.id(), after, limit),
                PostPage.class)), post -> true);
    }

    /** Glimpse has no remote posts: {@code local=true} is the same list, {@code remote=true} an empty one. */
    @GetMapping("/api/v1/timelines/public")
    ResponseEntity<List<MastodonStatus>> everyone(@RequestParam(defaultValue = "false") boolean remote,
                                                  @RequestParam(name = "only_media", defaultValue = "false") boolean onlyMedia,
                                                  HttpServletRequest request,
                                                  @AuthenticationPrincipal AuthenticatedUser viewer) {
        if (remote) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        return page(request, viewer, (after, limit) -> {
            PublicPosts.Page page = publicPosts.read(after, limit, viewerId);
            return new MastodonPager.Slice<>(page.items(), page.more());
        }, onlyMedia ? TimelineController::hasMedia : post -> true);
    }

    @GetMapping("/api/v1/accounts/{id}/statuses")
    ResponseEntity<List<MastodonStatus>> ofAccount(@PathVariable String id,
                                                   @RequestParam(name = "only_media", defaultValue = "false") boolean onlyMedia,
                                                   @RequestParam(defaultValue = "false") boolean pinned,
                                                   @RequestParam(required = false) String tagged,
                                                   HttpServletRequest request,
                                                   @AuthenticationPrincipal AuthenticatedUser viewer) {
        UserView author = accounts.requireVisible(id, viewer);
        if (pinned) {
            return ResponseEntity.ok(List.of()); // Glimpse has no pinned posts
        }
        if (accounts.hidesContent(viewer, author.id())) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        Predicate<PostView> keep = onlyMedia ? TimelineController::hasMedia : post -> true;
        if (tagged != null && !tagged.isBlank()) {
            String tag = tagged.startsWith("#") ? tagged.substring(1) : tagged;
            keep = keep.and(post -> post.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)));
        }
        return page(request, viewer, (after, limit) -> slice(queries.one(new ListUserPosts(author.id(), viewerId, after,
                limit), PostPage.class)), keep);
    }

    private ResponseEntity<List<MastodonStatus>> page(HttpServletRequest request, AuthenticatedUser viewer,
                                                      MastodonPager.Source<PostView> source, Predicate<PostView> keep) {
        UUID viewerId = viewer == null ? null : viewer.id();
        MastodonPager.Keys<PostView> keys = new MastodonPager.Keys<>(TimelineController::position,
                id -> statuses.post(id, viewerId).map(TimelineController::position).or(Optional::empty));
        return MastodonPager.page(request, PageWindow.of(request, 20, 40), source, keys, keep, mapper::posts);
    }

    static MastodonPager.Slice<PostView> slice(PostPage page) {
        return new MastodonPager.Slice<>(page.items(), page.nextCursor() != null);
    }

    static Cursor position(PostView post) {
        return new Cursor(post.createdAt(), post.id());
    }

    private static boolean hasMedia(PostView post) {
        return !post.media().isEmpty();
    }
}
