package io.glimpse.api.mastodon.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * Mastodon's Account entity (docs.joinmastodon.org/entities/Account). Glimpse has no locked
 * accounts, bots, groups, header images, profile fields or custom emojis: those are answered with
 * {@code false}, the default image and empty lists. {@code source} is only in the caller's own
 * account (verify_credentials, update_credentials).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MastodonAccount(String id,
                              String username,
                              String acct,
                              String displayName,
                              boolean locked,
                              boolean bot,
                              boolean discoverable,
                              boolean indexable,
                              boolean group,
                              String createdAt,
                              String note,
                              String url,
                              String uri,
                              String avatar,
                              String avatarStatic,
                              String header,
                              String headerStatic,
                              long followersCount,
                              long followingCount,
                              long statusesCount,
                              String lastStatusAt,
                              boolean hideCollections,
                              boolean noindex,
                              List<Object> emojis,
                              List<Object> roles,
                              List<Object> fields,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Source source) {

    /** The plain-text profile of the caller's own account. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String privacy, boolean sensitive, String language, String note, List<Object> fields,
                         long followRequestsCount) {
    }

    public MastodonAccount withSource(Source source) {
        return new MastodonAccount(id, username, acct, displayName, locked, bot, discoverable, indexable, group,
                createdAt, note, url, uri, avatar, avatarStatic, header, headerStatic, followersCount, followingCount,
                statusesCount, lastStatusAt, hideCollections, noindex, emojis, roles, fields, source);
    }
}
