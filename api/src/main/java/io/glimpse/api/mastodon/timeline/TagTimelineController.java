package io.glimpse.api.mastodon.timeline;

import io.glimpse.api.mastodon.status.MastodonStatus;
import io.glimpse.api.mastodon.status.StatusMapper;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.PageWindow;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.command.post.Captions;
import io.glimpse.query.post.PostView;
import io.glimpse.query.search.SearchQueries.PostSearchPage;
import io.glimpse.query.search.SearchQueries.SearchPosts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/timelines/tag/:tag}: posts with the tag, newest first. Tags are found in the
 * search index, never by SQL (docs/architecture.md), whose ranking puts tag matches first, newest
 * first; the page keeps those. The search pages by offset, so the {@code Link} header's
 * {@code max_id} is an offset token ({@code o40}) rather than an id; a status id sent as
 * {@code max_id} starts from the newest.
 */
@RestController("mastodonTagTimelineController")
class TagTimelineController {

    private static final int DEPTH_MAX = 10_000;

    private final Queries queries;
    private final StatusMapper mapper;

    TagTimelineController(Queries queries, StatusMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping("/api/v1/timelines/tag/{tag}")
    ResponseEntity<List<MastodonStatus>> tag(@PathVariable String tag, HttpServletRequest request,
                                             @AuthenticationPrincipal AuthenticatedUser viewer) {
        String name = Captions.normalizeTag(tag.startsWith("#") ? tag.substring(1) : tag);
        if (!name.matches(Captions.TAG_PATTERN)) {
            throw new MastodonException(404, "Record not found");
        }
        PageWindow window = PageWindow.of(request, 20, 40);
        int offset = offset(window.maxId());
        if (window.readsNewer() || offset >= DEPTH_MAX) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        int size = Math.min(window.limit(), DEPTH_MAX - offset);
        PostSearchPage page = queries.one(new SearchPosts("#" + name, viewerId, offset, size), PostSearchPage.class);
        List<PostView> tagged = page.items().stream().filter(post -> post.tags().contains(name)).toList();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        // Fewer tag matches than asked for: the rest of the results match by author or caption only.
        if (tagged.size() == page.items().size() && offset + size < page.total()) {
            String next = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("max_id", "o" + (offset + size))
                    .replaceQueryParam("min_id").replaceQueryParam("since_id").build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(mapper.posts(tagged));
    }

    private static int offset(String maxId) {
        if (maxId == null || !maxId.matches("o\\d{1,5}")) {
            return 0;
        }
        return Integer.parseInt(maxId.substring(1));
    }
}
