package io.glimpse.api.mastodon.instance;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How many accounts and posts there are, for the instance and nodeinfo documents. Counted in the
 * read models and remembered for a minute: clients fetch the instance document often, and an
 * exact count of a large table is not cheap.
 */
@Component
class InstanceStats {

    record Counts(long users, long posts) {
    }

    private final LoadingCache<String, Counts> cache;

    InstanceStats(JdbcClient jdbc) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build(key -> new Counts(
                jdbc.sql("select count(*) from user_view").query(Long.class).single(),
                jdbc.sql("select count(*) from post_view").query(Long.class).single()));
    }

    Counts counts() {
        return cache.get("all");
    }
}
