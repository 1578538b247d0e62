package io.glimpse.api.search;

import io.glimpse.api.feature.FeatureGate;
import io.glimpse.api.post.PostResponse;
import io.glimpse.api.post.PostResponse.UserSummary;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.Queries;
import io.glimpse.query.search.SearchQueries.Autocomplete;
import io.glimpse.query.search.SearchQueries.PostSearchPage;
import io.glimpse.query.search.SearchQueries.SearchPosts;
import io.glimpse.query.search.SearchQueries.Suggestions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Search (API.md, "Search"): posts by caption words, tags and author usernames, offset-paginated
 * with a total; tag and user suggestions by prefix. Open to anonymous callers; a logged-in viewer
 * does not see users either side of a block, nor their posts.
 */
@RestController
class SearchController {

    /** Results beyond this depth are not served (Elasticsearch's default result window). */
    static final int MAX_DEPTH = 10_000;
    static final int QUERY_MAX = 200;
    static final int PREFIX_MAX = 50;
    static final int SUGGESTIONS = 10;

    private final Queries queries;
    private final FeatureGate features;

    SearchController(Queries queries, FeatureGate features) {
        this.queries = queries;
        this.features = features;
    }

    /**
     * @param limit  20 by default, at most 100 (larger values are treated as 100); the page is
     *               shortened so that it ends within the first {@value #MAX_DEPTH} results
     * @param offset 0 by default, at most {@value #MAX_DEPTH} - 1
     */
    @GetMapping("/api/search/posts")
    SearchPage posts(@RequestParam @NotBlank @Size(max = QUERY_MAX) String q,
                     @RequestParam(required = false) Integer limit,
                     @RequestParam(required = false) @Min(0) @Max(MAX_DEPTH - 1) Integer offset,
                     @AuthenticationPrincipal AuthenticatedUser viewer) {
        int from = offset == null ? 0 : offset;
        int size = Math.min(PageLimit.of(limit), MAX_DEPTH - from);
        PostSearchPage page = queries.one(new SearchPosts(q, viewerId(viewer), from, size), PostSearchPage.class);
        return new SearchPage(page.items().stream().map(PostResponse::of).toList(), page.total(), size, from);
    }

    /** One page of search results: {@code limit} and {@code offset} as applied. */
    record SearchPage(List<PostResponse> items, long total, int limit, int offset) {
    }

    /** {@code #su} suggests tags only, {@code @su} users only, {@code su} both; at most ten of each. */
    @GetMapping("/api/search/autocomplete")
    AutocompleteResponse autocomplete(@RequestParam @NotBlank @Size(max = PREFIX_MAX) String q,
                                      @AuthenticationPrincipal AuthenticatedUser viewer) {
        // Gray release: behind the flag of that name once an admin creates it (docs/feature-flags.md).
        features.require(FeatureGate.SEARCH_AUTOCOMPLETE, viewer);
        Suggestions suggestions = queries.one(new Autocomplete(q, viewerId(viewer), SUGGESTIONS), Suggestions.class);
        return new AutocompleteResponse(
                suggestions.tags().stream().map(tag -> new TagSuggestion(tag.tag(), tag.postsCount())).toList(),
                suggestions.users().stream().map(user -> new UserSummary(user.id(), user.username(),
                        user.displayName(), user.avatarUrl())).toList());
    }

    record AutocompleteResponse(List<TagSuggestion> tags, List<UserSummary> users) {
    }

    record TagSuggestion(String tag, long postsCount) {
    }

    private static java.util.UUID viewerId(AuthenticatedUser viewer) {
        return viewer == null ? null : viewer.id();
    }
}
