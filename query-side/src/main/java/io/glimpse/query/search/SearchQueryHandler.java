package io.glimpse.query.search;

import io.glimpse.query.post.PostViewRepository;
import io.glimpse.query.search.SearchIndex.PostHits;
import io.glimpse.query.search.SearchIndex.PostSearch;
import io.glimpse.query.search.SearchIndex.TagCount;
import io.glimpse.query.search.SearchQueries.Autocomplete;
import io.glimpse.query.search.SearchQueries.PostSearchPage;
import io.glimpse.query.search.SearchQueries.SearchPosts;
import io.glimpse.query.search.SearchQueries.Suggestions;
import io.glimpse.query.social.SocialGraphRepository;
import io.glimpse.query.user.UserView;
import io.glimpse.query.user.UserViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Answers search: the index finds and orders ids (leaving out users either side of a block from
 * the viewer, so totals are right), then the page is hydrated from the read models in one batch,
 * which also drops anything deleted since the index was written.
 */
@Component
class SearchQueryHandler {

    private final SearchIndex index;
    private final PostViewRepository posts;
    private final UserViewRepository users;
    private final SocialGraphRepository social;

    SearchQueryHandler(SearchIndex index, PostViewRepository posts, UserViewRepository users,
                       SocialGraphRepository social) {
        this.index = index;
        this.posts = posts;
        this.users = users;
        this.social = social;
    }

    @QueryHandler
    PostSearchPage handle(SearchPosts query) {
        SearchTerms terms = SearchTerms.parse(query.text());
        if (terms.isEmpty()) {
            return new PostSearchPage(List.of(), 0);
        }
        PostHits hits = index.searchPosts(new PostSearch(terms, hiddenFrom(query.viewerId()), query.offset(),
                query.limit()));
        return new PostSearchPage(posts.findAll(hits.postIds(), query.viewerId()), hits.total());
    }

    @QueryHandler
    Suggestions handle(Autocomplete query) {
        String text = query.text().trim().toLowerCase(Locale.ROOT);
        boolean tagsOnly = text.startsWith("#");
        boolean usersOnly = text.startsWith("@");
        String prefix = tagsOnly || usersOnly ? text.substring(1) : text;
        if (prefix.isEmpty()) {
            return new Suggestions(List.of(), List.of());
        }
        Set<UUID> hidden = hiddenFrom(query.viewerId());
        List<TagCount> tags = usersOnly || !SearchTerms.TAG.matcher(prefix).matches() ? List.of()
                : index.suggestTags(prefix, hidden, query.limit());
        List<UserView> people = tagsOnly ? List.of() : users.findAll(index.suggestUsers(prefix, hidden, query.limit()));
        return new Suggestions(tags, people);
    }

    private Set<UUID> hiddenFrom(UUID viewerId) {
        return viewerId == null ? Set.of() : social.blockedEitherWay(viewerId);
    }
}
