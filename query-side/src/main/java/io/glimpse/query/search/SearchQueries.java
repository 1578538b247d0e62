package io.glimpse.query.search;

import io.glimpse.query.post.PostView;
import io.glimpse.query.search.SearchIndex.TagCount;
import io.glimpse.query.user.UserView;

import java.util.List;
import java.util.UUID;

/** Queries of search; {@code viewerId} is {@code null} for an anonymous viewer. */
public final class SearchQueries {

    private SearchQueries() {
    }

    /** Posts matching the text, best first; one page at {@code offset}. */
    public record SearchPosts(String text, UUID viewerId, int offset, int limit) {
    }

    /** @param total how many posts match in all */
    public record PostSearchPage(List<PostView> items, long total) {
    }

    /** Tags and users starting with the text; {@code #} asks for tags only, {@code @} for users only. */
    public record Autocomplete(String text, UUID viewerId, int limit) {
    }

    public record Suggestions(List<TagCount> tags, List<UserView> users) {
    }
}
