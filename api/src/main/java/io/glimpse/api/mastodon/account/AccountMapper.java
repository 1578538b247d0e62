package io.glimpse.api.mastodon.account;

import io.glimpse.api.mastodon.web.BaseUrl;
import io.glimpse.query.post.PostView;
import io.glimpse.query.user.UserView;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.List;

/** Glimpse's users as Mastodon accounts. Every account is local, so {@code acct} is the bare username. */
public final class AccountMapper {

    /** Served by {@link DefaultImages} for accounts without an avatar, at Mastodon's own path. */
    public static final String MISSING_IMAGE = "/avatars/original/missing.png";

    private AccountMapper() {
    }

    public static MastodonAccount of(UserView user) {
        String avatar = user.avatarUrl() == null ? BaseUrl.absolute(MISSING_IMAGE) : BaseUrl.absolute(user.avatarUrl());
        String profile = profileUrl(user.username());
        return new MastodonAccount(user.id().toString(), user.username(), user.username(), user.displayName(),
                false, false, true, true, false, timestamp(user.createdAt()), html(user.bio()), profile, profile,
                avatar, avatar, BaseUrl.absolute(MISSING_IMAGE), BaseUrl.absolute(MISSING_IMAGE),
                user.followersCount(), user.followingCount(), user.postsCount(), null, false, false,
                List.of(), List.of(), List.of(), null);
    }

    /** The caller's own account, with the plain-text {@code source} Mastodon adds to it. */
    public static MastodonAccount own(UserView user) {
        return of(user).withSource(new MastodonAccount.Source("public", false, null,
                user.bio() == null ? "" : user.bio(), List.of(), 0));
    }

    /** An author as a post shows them: only what the post's read model carries; counts come with {@link #of}. */
    public static MastodonAccount author(PostView.AuthorView author) {
        String avatar = author.avatarUrl() == null ? BaseUrl.absolute(MISSING_IMAGE) : BaseUrl.absolute(author.avatarUrl());
        String profile = profileUrl(author.username());
        return new MastodonAccount(author.id().toString(), author.username(), author.username(), author.displayName(),
                false, false, true, true, false, timestamp(Instant.EPOCH), "", profile, profile, avatar, avatar,
                BaseUrl.absolute(MISSING_IMAGE), BaseUrl.absolute(MISSING_IMAGE), 0, 0, 0, null, false, false,
                List.of(), List.of(), List.of(), null);
    }

    public static String profileUrl(String username) {
        return BaseUrl.current() + "/u/" + username;
    }

    /** Mastodon's datetimes: ISO 8601 in UTC with milliseconds. */
    public static String timestamp(Instant at) {
        return at == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT
                .format(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** Plain text as the HTML Mastodon's {@code note} and {@code content} are: escaped, in a paragraph. */
    public static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return "<p>" + HtmlUtils.htmlEscape(text).replace("\n", "<br>") + "</p>";
    }
}
