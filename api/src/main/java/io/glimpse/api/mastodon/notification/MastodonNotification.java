package io.glimpse.api.mastodon.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.glimpse.api.mastodon.account.MastodonAccount;
import io.glimpse.api.mastodon.status.MastodonStatus;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Mastodon's Notification entity; {@code status} is left out for follows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MastodonNotification(String id, String type, String createdAt, String groupKey, MastodonAccount account,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) MastodonStatus status) {
}
