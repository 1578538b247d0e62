package io.glimpse.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAggregatesTest {

    private final RecentAggregates configuration = new RecentAggregates();

    @Test
    void onlyANodeThatHandlesEveryCommandKeepsAggregates() {
        assertThat(configuration.recentAggregates("all", 10)).isInstanceOf(RecentAggregates.Bounded.class);
        assertThat(configuration.recentAggregates("ALL", 10)).isInstanceOf(RecentAggregates.Bounded.class);
        assertThat(configuration.recentAggregates("command", 10)).isSameAs(NoCache.INSTANCE);
        assertThat(configuration.recentAggregates("query", 10)).isSameAs(NoCache.INSTANCE);
        assertThat(configuration.recentAggregates("all", 0)).as("turned off").isSameAs(NoCache.INSTANCE);
    }

    @Test
    void anAggregateWithoutAnIdentifierIsNotKept() {
        Cache cache = configuration.recentAggregates("all", 10);

        cache.put(null, "an aggregate a no-op command created and never stored");

        assertThat(cache.<Object, Object>get(null)).isNull();
        assertThat(cache.containsKey(null)).isFalse();
        assertThat(cache.putIfAbsent(null, "again")).isFalse();
        assertThat(cache.remove(null)).isFalse();
    }

    @Test
    void keepsReplacesAndForgetsAggregatesByIdentifier() {
        Cache cache = configuration.recentAggregates("all", 10);

        cache.put("post-like:1", "liked");
        assertThat(cache.putIfAbsent("post-like:1", "other")).isFalse();
        cache.<String>computeIfPresent("post-like:1", state -> state + " and unliked");
        assertThat(cache.<String, String>get("post-like:1")).isEqualTo("liked and unliked");

        assertThat(cache.remove("post-like:1")).isTrue();
        assertThat(cache.containsKey("post-like:1")).isFalse();
        cache.put("post-like:2", "liked");
        cache.removeAll();
        assertThat(cache.containsKey("post-like:2")).isFalse();
    }
}
