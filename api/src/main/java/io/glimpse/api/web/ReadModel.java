package io.glimpse.api.web;

import io.glimpse.api.security.SessionRevocation;
import io.glimpse.query.feature.FeatureFlagProjection;
import io.glimpse.query.notification.NotificationProjection;
import io.glimpse.query.post.PostProjection;
import io.glimpse.query.search.SearchProjection;
import io.glimpse.query.timeline.TimelineProjection;
import io.glimpse.query.user.UserProjection;

/**
 * The read models a client may need to see its own write in, each kept by one event processor.
 * An endpoint names the ones its caller reads next ({@link Commands#send}); the others catch up
 * on their own time, so a write never waits for work done for other users.
 */
public enum ReadModel {

    /** Accounts, profiles, counters and the social graph. */
    USERS(UserProjection.NAME),
    /** Posts, their media, comments and likes. */
    POSTS(PostProjection.NAME),
    NOTIFICATIONS(NotificationProjection.NAME),
    /** Home timelines, filled by fan-out to followers. */
    TIMELINES(TimelineProjection.NAME),
    SEARCH(SearchProjection.NAME),
    FEATURE_FLAGS(FeatureFlagProjection.NAME),
    /** Which sessions are revoked. */
    SESSIONS(SessionRevocation.NAME);

    private final String processor;

    ReadModel(String processor) {
        this.processor = processor;
    }

    public String processor() {
        return processor;
    }
}
