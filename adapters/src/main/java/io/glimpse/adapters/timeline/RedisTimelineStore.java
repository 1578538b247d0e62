package io.glimpse.adapters.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.timeline.TimelineEntry;
import io.glimpse.query.timeline.TimelineStore;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Timelines in Redis, as Twitter keeps them: one sorted set per user, scored by the post's time
 * in microseconds, member {@code postId:authorId}, trimmed to about the newest {@code capacity} entries.
 * A fan-out is one script a batch of timelines, the batches pipelined. Redis may lose everything
 * (no persistence, a flush): a marker key tells whether the data is still there.
 */
public class RedisTimelineStore implements TimelineStore {

    /** KEYS: the intact marker, the timeline. ARGV: the cursor's score (or ""), the bound for older entries, the count. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SLICE = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
            local same = {}
            if ARGV[1] ~= '' then same = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[1], 'WITHSCORES') end
            local older = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[2], '-inf', 'WITHSCORES', 'LIMIT', 0, ARGV[3])
            return {same, older, redis.call('ZCARD', KEYS[2])}
            """, List.class);

    /**
     * KEYS: the timelines. ARGV: the score, the member, the capacity, one in how many to trim, where
     * the trimming starts. Each timeline gets the entry, all in one round trip and one command: a
     * pipeline of two commands a timeline cost the client more than Redis (benchmark/README.md,
     * "Writes"). Inside a script, each command costs Redis about 3.5 µs, so trimming every
     * timeline on every post doubled the cost of a fan-out; one in {@code trimOneIn} is trimmed
     * instead, from a random start, so each timeline is trimmed on about one post in
     * {@code trimOneIn} whichever place it has in the batch, and holds on average about
     * {@code trimOneIn} entries more than the capacity (rarely a few times that).
     */
    private static final byte[] PUSH = utf8("""
            local cap, every, start = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, ARGV[1], ARGV[2])
              if (i + start) % every == 0 then redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1)) end
            end
            return #KEYS""");

    private final StringRedisTemplate redis;
    private final String prefix;
    private final int capacity;
    private final int trimOneIn;
    private final String intactKey;

    /** {@code trimOneIn} 1 keeps every timeline at exactly its capacity. */
    public RedisTimelineStore(StringRedisTemplate redis, String keyPrefix, int capacity, int trimOneIn) {
        if (trimOneIn < 1) {
            throw new IllegalArgumentException("trimOneIn must be at least 1, not " + trimOneIn);
        }
        this.redis = redis;
        this.prefix = keyPrefix + "timeline:";
        this.capacity = capacity;
        this.trimOneIn = trimOneIn;
        this.intactKey = prefix + "intact";
    }

    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        redis.execute((RedisCallback<Object>) connection -> {
            push(connection, owners, entry);
            return null;
        });
    }

    /**
     * One script a batch. Several batches go in one pipeline: the next batch (a page of followers
     * read from SQL in the meantime) is sent while Redis still runs the last one, and the answers
     * are waited for once, at the end; an error in any of them fails the whole fan-out, which the
     * processor then retries (pushing twice changes nothing). A single batch is not pipelined:
     * a pipeline takes a connection of its own, which costs more than one round trip. With Redis
     * Cluster a batch's keys would have to share a slot, so a cluster would need one call per
     * slot (docs/production.md).
     */
    @Override
    public void pushEach(Iterator<? extends Collection<UUID>> batches, TimelineEntry entry) {
        if (!batches.hasNext()) {
            return;
        }
        Collection<UUID> first = batches.next();
        if (!batches.hasNext()) {
            push(first, entry);
            return;
        }
        pipelined(connection -> {
            push(connection, first, entry);
            batches.forEachRemaining(owners -> push(connection, owners, entry));
        });
    }

    /** {@link #PUSH} for these owners, on this connection (pipelined or not). */
    private void push(RedisConnection connection, Collection<UUID> owners, TimelineEntry entry) {
        if (!owners.isEmpty()) {
            connection.scriptingCommands().eval(PUSH, ReturnType.INTEGER, owners.size(), pushArguments(owners, entry));
        }
    }

    /** KEYS then ARGV of {@link #PUSH}, with a fresh random start for the trimming. */
    private byte[][] pushArguments(Collection<UUID> owners, TimelineEntry entry) {
        byte[][] arguments = new byte[owners.size() + 5][];
        int i = 0;
        for (UUID owner : owners) {
            arguments[i++] = key(owner);
        }
        arguments[i++] = utf8(Long.toString(micros(entry.createdAt())));
        arguments[i++] = member(entry);
        arguments[i++] = utf8(Integer.toString(capacity));
        arguments[i++] = utf8(Integer.toString(trimOneIn));
        arguments[i] = utf8(Integer.toString(ThreadLocalRandom.current().nextInt(trimOneIn)));
        return arguments;
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
     * One round trip, one script: whether the store is intact, the entries at the cursor's exact
     * time (those with a smaller post id come first), up to {@code limit} older ones, and the
     * set's size (a short page of a full set means entries were trimmed for the cap).
     */
    @Override
    public Optional<Slice> slice(UUID owner, Cursor after, int limit) {
        String cursorScore = after == null ? "" : Long.toString(micros(after.time()));
        // Scores are whole microseconds: "older than the cursor" is an exclusive bound on its score.
        String newestOlder = after == null ? "+inf" : "(" + cursorScore;
        List<Object> reply = redis.execute(SLICE, List.of(intactKey, keyString(owner)),
                cursorScore, newestOlder, Integer.toString(limit));
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineEntry> page = new ArrayList<>();
        if (after != null) {
            entries(reply.get(0)).stream()
                    .filter(entry -> entry.postId().toString().compareTo(after.id().toString()) < 0)
                    .sorted(Comparator.comparing((TimelineEntry entry) -> entry.postId().toString()).reversed())
                    .forEach(page::add);
        }
        page.addAll(entries(reply.get(1)));
        boolean complete = page.size() >= limit || (Long) reply.get(2) < capacity;
        return Optional.of(new Slice(page.size() > limit ? List.copyOf(page.subList(0, limit)) : page, complete));
    }

    /** A {@code WITHSCORES} reply: member, score, member, score… */
    private static List<TimelineEntry> entries(Object reply) {
        List<?> flat = (List<?>) reply;
        List<TimelineEntry> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String member = (String) flat.get(i);
            int colon = member.indexOf(':');
            entries.add(new TimelineEntry(UUID.fromString(member.substring(0, colon)),
                    UUID.fromString(member.substring(colon + 1)),
                    Instant.EPOCH.plus((long) Double.parseDouble((String) flat.get(i + 1)), ChronoUnit.MICROS)));
        }
        return entries;
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
        return Boolean.TRUE.equals(redis.hasKey(intactKey));
    }

    @Override
    public void markIntact() {
        redis.opsForValue().set(intactKey, Instant.now().toString());
    }

    private void pipelined(Consumer<RedisConnection> commands) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            commands.accept(connection);
            return null;
        });
    }

    private static double score(Instant time) {
        return micros(time);
    }

    private static long micros(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    private static byte[] member(TimelineEntry entry) {
        return utf8(entry.postId() + ":" + entry.authorId());
    }

    private String keyString(UUID owner) {
        return prefix + owner;
    }

    private byte[] key(UUID owner) {
        return utf8(keyString(owner));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
