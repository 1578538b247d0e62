package io.glimpse.api.mastodon;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attributes Mastodon's documentation (docs.joinmastodon.org/entities) gives each entity that
 * a client may rely on; the tests check that Glimpse's answers have at least these.
 */
final class MastodonEntities {

    static final Set<String> ACCOUNT = Set.of("id", "username", "acct", "url", "display_name", "note", "avatar",
            "avatar_static", "header", "header_static", "locked", "fields", "emojis", "bot", "group", "discoverable",
            "created_at", "last_status_at", "statuses_count", "followers_count", "following_count");
    static final Set<String> STATUS = Set.of("id", "uri", "created_at", "account", "content", "visibility", "sensitive",
            "spoiler_text", "media_attachments", "mentions", "tags", "emojis", "reblogs_count", "favourites_count",
            "replies_count", "url", "in_reply_to_id", "in_reply_to_account_id", "reblog", "poll", "card", "language",
            "edited_at", "favourited", "reblogged", "muted", "bookmarked", "filtered");
    static final Set<String> MEDIA_ATTACHMENT = Set.of("id", "type", "url", "preview_url", "remote_url", "meta",
            "description", "blurhash");
    static final Set<String> RELATIONSHIP = Set.of("id", "following", "showing_reblogs", "notifying", "followed_by",
            "blocking", "blocked_by", "muting", "muting_notifications", "requested", "requested_by", "domain_blocking",
            "endorsed", "note");
    static final Set<String> NOTIFICATION = Set.of("id", "type", "created_at", "account");
    static final Set<String> INSTANCE_V2 = Set.of("domain", "title", "version", "source_url", "description", "usage",
            "thumbnail", "languages", "configuration", "registrations", "contact", "rules");
    static final Set<String> INSTANCE_V1 = Set.of("uri", "title", "short_description", "description", "email",
            "version", "urls", "stats", "thumbnail", "languages", "registrations", "approval_required",
            "invites_enabled", "configuration", "contact_account", "rules");
    static final Set<String> TAG = Set.of("name", "url");
    static final Set<String> APPLICATION = Set.of("name", "website", "scopes", "redirect_uris", "client_id",
            "client_secret");
    static final Set<String> TOKEN = Set.of("access_token", "token_type", "scope", "created_at");

    private MastodonEntities() {
    }

    static void assertShape(Object entity, Set<String> attributes) {
        assertThat(entity).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) entity).keySet()).as("attributes of %s", entity).containsAll((Set) attributes);
    }
}
