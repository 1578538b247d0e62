package io.glimpse.api.mastodon.search;

import io.glimpse.api.feature.FeatureGate;
import io.glimpse.api.mastodon.account.AccountMapper;
import io.glimpse.api.mastodon.account.MastodonAccount;
import io.glimpse.api.mastodon.status.MastodonStatus;
import io.glimpse.api.mastodon.status.StatusMapper;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.query.search.SearchQueries.Autocomplete;
import io.glimpse.query.search.SearchQueries.PostSearchPage;
import io.glimpse.query.search.SearchQueries.SearchPosts;
import io.glimpse.query.search.SearchQueries.Suggestions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/search} on Glimpse's search: statuses by caption words, tags and authors
 * (ranked, offset-paginated), accounts and hashtags by prefix (the autocomplete, which pages no
 * further than its first results, and which follows its feature flag). Nothing is resolved
 * remotely: there is no federation.
 */
@RestController("mastodonSearchController")
class SearchController {

    static final int QUERY_MAX = 200;
    static final int PREFIX_MAX = 50;
    static final int DEPTH_MAX = 10_000;

    private final Queries queries;
    private final StatusMapper statuses;
    private final FeatureGate features;

    SearchController(Queries queries, StatusMapper statuses, FeatureGate features) {
        this.queries = queries;
        this.statuses = statuses;
        this.features = features;
    }

    record Results(List<MastodonAccount> accounts, List<MastodonStatus> statuses, List<MastodonStatus.Tag> hashtags) {
    }

    @GetMapping("/api/v2/search")
    Results search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
                   @AuthenticationPrincipal AuthenticatedUser viewer) {
        if (q == null || q.isBlank()) {
            throw new MastodonException(400, "q is missing");
        }
        if (q.length() > QUERY_MAX) {
            throw MastodonException.unprocessable("Validation failed: q is too long");
        }
        if (type != null && !List.of("accounts", "hashtags", "statuses").contains(type)) {
            throw new MastodonException(400, "type must be accounts, hashtags or statuses");
        }
        int size = Math.max(1, Math.min(limit == null ? 20 : limit, 40));
        int from = Math.max(0, offset == null ? 0 : offset);
        UUID viewerId = viewer == null ? null : viewer.id();
        String text = q.trim();
        return new Results(
                wants(type, "accounts") ? accounts(text, viewer, viewerId, size, from) : List.of(),
                wants(type, "statuses") ? statuses(text, viewerId, size, from) : List.of(),
                wants(type, "hashtags") ? hashtags(text, viewer, viewerId, size, from) : List.of());
    }

    private List<MastodonAccount> accounts(String text, AuthenticatedUser viewer, UUID viewerId, int size, int from) {
        String name = text.startsWith("@") ? text.substring(1) : text;
        int at = name.indexOf('@');
        name = at >= 0 ? name.substring(0, at) : name;
        if (from > 0 || name.isBlank() || !features.isOn(FeatureGate.SEARCH_AUTOCOMPLETE, viewer)) {
            return List.of();
        }
        Suggestions found = queries.one(new Autocomplete("@" + prefix(name), viewerId, size), Suggestions.class);
        return found.users().stream().map(AccountMapper::of).toList();
    }

    private List<MastodonStatus.Tag> hashtags(String text, AuthenticatedUser viewer, UUID viewerId, int size, int from) {
        String tag = text.startsWith("#") ? text.substring(1) : text;
        if (from > 0 || tag.isBlank() || !features.isOn(FeatureGate.SEARCH_AUTOCOMPLETE, viewer)) {
            return List.of();
        }
        Suggestions found = queries.one(new Autocomplete("#" + prefix(tag), viewerId, size), Suggestions.class);
        return found.tags().stream().map(count -> new MastodonStatus.Tag(count.tag(), StatusMapper.tag(count.tag()).url(),
                List.of())).toList();
    }

    private List<MastodonStatus> statuses(String text, UUID viewerId, int size, int from) {
        if (from >= DEPTH_MAX) {
            return List.of();
        }
        PostSearchPage page = queries.one(new SearchPosts(text, viewerId, from, Math.min(size, DEPTH_MAX - from)),
                PostSearchPage.class);
        return statuses.posts(page.items());
    }

    private static String prefix(String text) {
        return text.length() > PREFIX_MAX - 1 ? text.substring(0, PREFIX_MAX - 1) : text;
    }

    private static boolean wants(String type, String kind) {
        return type == null || type.equals(kind);
    }
}
