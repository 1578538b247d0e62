package io.glimpse.api.mastodon.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.glimpse.api.mastodon.account.MastodonAccount;
import io.glimpse.api.mastodon.media.MastodonMedia;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * Mastodon's Status entity. A Glimpse post is a status; a comment is a reply to its post's status
 * ({@code in_reply_to_id}). Glimpse has public posts only, no boosts, quotes, polls, cards,
 * bookmarks, mutes, content warnings or languages: those are {@code public}, {@code false},
 * {@code null}, {@code ""} or 0. {@code text} (the source) is only in the answer to a delete.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MastodonStatus(String id,
                             String createdAt,
                             String inReplyToId,
                             String inReplyToAccountId,
                             boolean sensitive,
                             String spoilerText,
                             String visibility,
                             String language,
                             String uri,
                             String url,
                             long repliesCount,
                             long reblogsCount,
                             long favouritesCount,
                             String editedAt,
                             boolean favourited,
                             boolean reblogged,
                             boolean muted,
                             boolean bookmarked,
                             boolean pinned,
                             String content,
                             List<Object> filtered,
                             Object reblog,
                             Object application,
                             MastodonAccount account,
                             List<MastodonMedia> mediaAttachments,
                             List<Mention> mentions,
                             List<Tag> tags,
                             List<Object> emojis,
                             Object card,
                             Object poll,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

    public record Mention(String id, String username, String url, String acct) {
    }

    /** Mastodon's Tag entity as statuses and search carry it; {@code history} only in search. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tag(String name, String url, List<Object> history) {
    }

    public MastodonStatus withText(String source) {
        return new MastodonStatus(id, createdAt, inReplyToId, inReplyToAccountId, sensitive, spoilerText, visibility,
                language, uri, url, repliesCount, reblogsCount, favouritesCount, editedAt, favourited, reblogged, muted,
                bookmarked, pinned, content, filtered, reblog, application, account, mediaAttachments, mentions, tags,
                emojis, card, poll, source);
    }
}
