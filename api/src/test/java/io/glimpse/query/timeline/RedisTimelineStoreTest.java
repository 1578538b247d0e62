package io.glimpse.query.timeline;

import io.glimpse.adapters.timeline.RedisTimelineStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against the real Redis on 127.0.0.1:6379 (scripts/ensure-redis.sh), under a key prefix of its own. */
class RedisTimelineStoreTest extends TimelineStoreContract {

    private static final int CAPACITY = 5;

    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @Override
    TimelineStore store() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        return intact(new RedisTimelineStore(redis, "test:" + UUID.randomUUID() + ":", 800, 16));
    }

    /** As the timeline processor leaves it once it has built the timelines. */
    private static TimelineStore intact(TimelineStore store) {
        store.markIntact();
        return store;
    }

    @AfterEach
    void cleanUp() {
        store.clearAll();
        connections.destroy();
    }

    @Test
    void aTimelineKeepsOnlyTheNewestEntriesUpToItsCapacity() {
        TimelineStore store = intact(new RedisTimelineStore(redis, "test:" + UUID.randomUUID() + ":", CAPACITY, 1));
        for (int i = 0; i < CAPACITY + 3; i++) {
            store.push(List.of(ann), entry(author, i));
        }
        assertThat(store.size(ann)).isEqualTo(CAPACITY);
        assertThat(store.page(ann, null, 100)).extracting(TimelineEntry::createdAt).first()
                .isEqualTo(T0.plusSeconds(CAPACITY + 2));
        assertThat(store.page(ann, null, 100)).extracting(TimelineEntry::createdAt).last()
                .isEqualTo(T0.plusSeconds(3));
        store.clearAll();
    }

    /**
     * Trimmed on about one post in 16, wherever a timeline stands in the batch: after 2,000 posts
     * every timeline is near its capacity, and never far above it (a timeline left untrimmed by
     * 200 posts in a row has odds of (15/16)^200, about 2.5 in a million), and keeps the newest.
     */
    @Test
    void aFanOutTrimsOneTimelineInSoManyAndKeepsEachNearItsCapacity() {
        TimelineStore store = intact(new RedisTimelineStore(redis, "test:" + UUID.randomUUID() + ":", CAPACITY, 16));
        List<UUID> owners = java.util.stream.IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
        int posts = 2_000;
        for (int i = 0; i < posts; i++) {
            store.push(owners, entry(author, i));
        }
        for (UUID owner : owners) {
            assertThat(store.size(owner)).isBetween((long) CAPACITY, (long) CAPACITY + 200);
            assertThat(store.page(owner, null, 1)).extracting(TimelineEntry::createdAt)
                    .containsExactly(T0.plusSeconds(posts - 1));
        }
        assertThat(owners.stream().mapToLong(store::size).average().orElseThrow())
                .as("about 16 more than the capacity on average, not thousands").isLessThan(CAPACITY + 60);
        store.clearAll();
    }

    @Test
    void itIsIntactOnlyOnceMarkedAndNotAfterItsDataIsGone() {
        TimelineStore store = new RedisTimelineStore(redis, "test:" + UUID.randomUUID() + ":", CAPACITY, 1);
        store.push(List.of(ann), entry(author, 1));
        assertThat(store.isIntact()).isFalse();
        assertThat(store.slice(ann, null, 10)).as("not intact: no answer rather than a wrong one").isEmpty();
        store.markIntact();
        assertThat(store.isIntact()).isTrue();
        assertThat(store.slice(ann, null, 10)).hasValueSatisfying(slice -> assertThat(slice.entries()).hasSize(1));
        store.clearAll();
        assertThat(store.isIntact()).as("a flush takes the marker too").isFalse();
        assertThat(store.slice(ann, null, 10)).isEmpty();
    }
}
