package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Timelines in Redis, as Twitter keeps them: one sorted set per user, scored by the post's time
 * in microseconds, member {@code postId:authorId}, trimmed to the newest {@code capacity} entries.
 * Fan-out writes are pipelined: one round trip per batch of timelines. Redis may lose everything
 * (no persistence, a flush): a marker key tells whether the data is still there.
 */
class RedisTimelineStore implements TimelineStore {

    private final StringRedisTemplate redis;
    private final String prefix;
    private final int capacity;

    RedisTimelineStore(StringRedisTemplate redis, String keyPrefix, int capacity) {
        this.redis = redis;
        this.prefix = keyPrefix + "timeline:";
        this.capacity = capacity;
    }

    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        byte[] member = member(entry);
        double score = score(entry.createdAt());
        pipelined(connection -> owners.forEach(owner -> {
            byte[] key = key(owner);
            connection.zSetCommands().zAdd(key, score, member);
            connection.zSetCommands().zRemRange(key, 0, -(capacity + 1L));
        }));
    }

    @Override
    public void merge(UUID owner, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        byte[] key = key(owner);
        pipelined(connection -> {
            entries.forEach(entry -> connection.zSetCommands().zAdd(key, score(entry.createdAt()), member(entry)));
            connection.zSetCommands().zRemRange(key, 0, -(capacity + 1L));
        });
    }

    @Override
    public void remove(Collection<UUID> owners, TimelineEntry entry) {
        byte[] member = member(entry);
        pipelined(connection -> owners.forEach(owner -> connection.zSetCommands().zRem(key(owner), member)));
    }

    @Override
    public void removeAuthor(UUID owner, UUID authorId) {
        String suffix = ":" + authorId;
        Set<String> members = redis.opsForZSet().range(keyString(owner), 0, -1);
        Object[] byAuthor = members == null ? new Object[0]
                : members.stream().filter(member -> member.endsWith(suffix)).toArray();
        if (byAuthor.length > 0) {
            redis.opsForZSet().remove(keyString(owner), byAuthor);
        }
    }

    @Override
    public void clear(UUID owner) {
        redis.delete(keyString(owner));
    }

    @Override
    public void clearAll() {
        List<String> keys = new ArrayList<>();
        try (var scan = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
            scan.forEachRemaining(keys::add);
        }
        if (!keys.isEmpty()) {
            redis.unlink(keys);
        }
    }

    /**
     * Entries at the cursor's exact time but with a smaller post id come first, then older ones.
     * Plain commands on the shared connection, not a pipeline: Spring Data Redis pipelines on a
     * connection of their own, and opening one per read costs more than the round trips it saves.
     */
    @Override
    public Slice slice(UUID owner, Cursor after, int limit) {
        String key = keyString(owner);
        List<TimelineEntry> page = new ArrayList<>();
        // Scores are whole microseconds, so "older than the cursor" is "at most one microsecond less".
        double newestOlder = Double.POSITIVE_INFINITY;
        if (after != null) {
            double time = score(after.time());
            newestOlder = time - 1;
            tuples(redis.opsForZSet().rangeByScoreWithScores(key, time, time)).stream()
                    .filter(entry -> entry.postId().toString().compareTo(after.id().toString()) < 0)
                    .sorted(Comparator.comparing((TimelineEntry entry) -> entry.postId().toString()).reversed())
                    .forEach(page::add);
        }
        if (page.size() < limit) {
            page.addAll(tuples(redis.opsForZSet().reverseRangeByScoreWithScores(key, Double.NEGATIVE_INFINITY,
                    newestOlder, 0, limit - page.size())));
        }
        // A short first page is the whole set, so it is complete unless it fills the cap; only a short
        // later page needs the set's size to tell.
        boolean complete = page.size() == limit
                || (after == null ? page.size() < capacity : size(owner) < capacity);
        return new Slice(page.size() > limit ? page.subList(0, limit) : page, complete);
    }

    private static List<TimelineEntry> tuples(Collection<TypedTuple<String>> reply) {
        return reply == null ? List.of() : reply.stream().map(RedisTimelineStore::entry).toList();
    }

    @Override
    public long size(UUID owner) {
        Long size = redis.opsForZSet().zCard(keyString(owner));
        return size == null ? 0 : size;
    }


    /**
     * Asked on every timeline read, and never remembered: a read after a loss must go to SQL at
     * once, not show an empty timeline.
     */
    @Override
    public boolean isIntact() {
        return Boolean.TRUE.equals(redis.hasKey(prefix + "intact"));
    }

    @Override
    public void markIntact() {
        redis.opsForValue().set(prefix + "intact", Instant.now().toString());
    }

    private void pipelined(java.util.function.Consumer<RedisConnection> commands) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            commands.accept(connection);
            return null;
        });
    }

    private static TimelineEntry entry(TypedTuple<String> tuple) {
        String member = tuple.getValue();
        int colon = member.indexOf(':');
        long micros = tuple.getScore().longValue();
        return new TimelineEntry(UUID.fromString(member.substring(0, colon)), UUID.fromString(member.substring(colon + 1)),
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    private static double score(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    private static byte[] member(TimelineEntry entry) {
        return (entry.postId() + ":" + entry.authorId()).getBytes(StandardCharsets.UTF_8);
    }

    private String keyString(UUID owner) {
        return prefix + owner;
    }

    private byte[] key(UUID owner) {
        return keyString(owner).getBytes(StandardCharsets.UTF_8);
    }
}
