package io.glimpse.api.timeline;

import io.glimpse.api.post.PostResponse;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.post.PostQueries.PostPage;
import io.glimpse.query.timeline.TimelineQueries.ReadTimeline;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The home feed: one's own posts and those of followees, newest first, endless. */
@RestController
class TimelineController {

    private final Queries queries;

    TimelineController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/timeline")
    PageResponse<PostResponse> timeline(@RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor,
                                        @AuthenticationPrincipal AuthenticatedUser me) {
        PostPage page = queries.one(new ReadTimeline(me.id(), Cursor.decode(cursor), PageLimit.of(limit)), PostPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), PostResponse::of);
    }
}
