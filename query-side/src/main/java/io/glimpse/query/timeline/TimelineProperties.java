package io.glimpse.query.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param store               {@code sql} (the embedded default) or {@code redis}
 * @param capacity            the most posts a Redis timeline keeps; older pages come from SQL
 * @param trimOneIn           a fan-out trims one Redis timeline in this many back to the capacity
 *                            (1: every one), so a timeline may hold about this many more
 * @param celebrityThreshold  authors with more followers than this are not fanned out: their posts
 *                            are merged into their followers' timelines when read
 * @param fanOutBatch         how many timelines one write round trip fills
 * @param backfill            how many of a followee's latest posts a new follow brings in
 * @param redisKeyPrefix      prefix of every Redis key, so several deployments or tests can share a Redis
 */
@ConfigurationProperties("glimpse.timeline")
public record TimelineProperties(@DefaultValue("sql") String store,
                                 @DefaultValue("800") int capacity,
                                 @DefaultValue("16") int trimOneIn,
                                 @DefaultValue("10000") long celebrityThreshold,
                                 @DefaultValue("1000") int fanOutBatch,
                                 @DefaultValue("100") int backfill,
                                 @DefaultValue("glimpse:") String redisKeyPrefix) {

    public TimelineProperties {
        if (!store.equals("sql") && !store.equals("redis")) {
            throw new IllegalArgumentException("glimpse.timeline.store must be sql or redis, not " + store);
        }
    }
}
