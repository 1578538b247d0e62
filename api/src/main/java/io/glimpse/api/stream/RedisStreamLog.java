package io.glimpse.api.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The stream log shared by every node: per user a Redis stream {@code <prefix>log:<user>}
 * (capped with {@code MAXLEN retention}, its ids the event ids) and a presence key
 * {@code <prefix>since:<user>} holding when the user's current presence began, both expiring a
 * window after the user's last stream was seen; the sorted set {@code <prefix>present} has the
 * same (user, until when) for asking about many users in one round trip. An append is one script per event, pipelined;
 * the users who got events are then published on the channel {@code <prefix>wake}, which every
 * node listens to (Redis pub/sub), and each node's streams of those users read their logs.
 * Whether anything after a resuming client's id is gone: Redis counts every entry ever added, so
 * more added than kept means the cap dropped some, all older than the oldest kept.
 */
class RedisStreamLog implements StreamLog, MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamLog.class);
    /** Users per wake-up message, so a big fan-out does not make one huge message. */
    private static final int USERS_PER_MESSAGE = 500;

    /** KEYS: log, presence. ARGV: retention, type, data, window in ms. Answers 1 if the user is present and got it. */
    private static final byte[] APPEND = bytes("""
            if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
            redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'type', ARGV[2], 'data', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """);

    /** KEYS: log, presence. ARGV: window in ms, retention. Answers the newest id, appending a mark to an empty log. */
    private static final RedisScript<String> OPEN = RedisScript.of("""
            local time = redis.call('TIME')
            redis.call('SET', KEYS[2], string.format('%d', time[1] * 1000 + math.floor(time[2] / 1000)), 'NX')
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            local id
            if #newest > 0 then id = newest[1][1]
            else id = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], '*', 'type', 'mark', 'data', '') end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return id
            """, String.class);

    /**
     * KEYS: log, presence. ARGV: last id, its millis, count. Answers {0} when the user's presence
     * began after the last id (or ended), else {1, whether the cap ever dropped entries (1/0), the
     * oldest id kept, entries after the last id}. (Trimming does not move {@code max-deleted-entry-id};
     * {@code entries-added} beyond {@code length} says that some were dropped, all older than the oldest kept.)
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> AFTER = RedisScript.of("""
            local since = redis.call('GET', KEYS[2])
            if not since or tonumber(since) > tonumber(ARGV[2]) then return {0} end
            if redis.call('EXISTS', KEYS[1]) == 0 then return {1, 0, '0-0', {}} end
            local info = redis.call('XINFO', 'STREAM', KEYS[1])
            local added, length, oldest = 0, 0, '0-0'
            for i = 1, #info, 2 do
              if info[i] == 'entries-added' then added = info[i + 1]
              elseif info[i] == 'length' then length = info[i + 1]
              elseif info[i] == 'first-entry' and info[i + 1] then oldest = info[i + 1][1] end
            end
            local dropped = 0
            if added > length then dropped = 1 end
            return {1, dropped, oldest, redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[3])}
            """, List.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final String channel;
    private final String presentKey;
    private final int retention;
    private final long windowMillis;
    private final List<Consumer<Collection<UUID>>> doorbells = new CopyOnWriteArrayList<>();

    RedisStreamLog(StringRedisTemplate redis, String keyPrefix, int retention, Duration window) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.channel = keyPrefix + "wake";
        this.presentKey = keyPrefix + "present";
        this.retention = retention;
        this.windowMillis = window.toMillis();
    }

    String channel() {
        return channel;
    }

    /** One round trip: the presence set's scores are the times until which each user counts as present. */
    @Override
    public Set<UUID> present(Collection<UUID> userIds) {
        List<UUID> asked = List.copyOf(userIds);
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<Double> until = redis.opsForZSet().score(presentKey, asked.stream().map(UUID::toString).toArray());
        long now = System.currentTimeMillis();
        Set<UUID> present = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            if (until != null && until.get(i) != null && until.get(i) > now) {
                present.add(asked.get(i));
            }
        }
        return present;
    }

    @Override
    public void append(List<StreamEvent.New> events) {
        byte[] retentionArg = bytes(Integer.toString(retention));
        byte[] windowArg = bytes(Long.toString(windowMillis));
        List<Object> appended = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (StreamEvent.New event : events) {
                connection.scriptingCommands().eval(APPEND, ReturnType.INTEGER, 2, logKey(event.userId()),
                        presenceKey(event.userId()), retentionArg, bytes(event.type()), bytes(event.data()), windowArg);
            }
            return null;
        });
        Set<UUID> touched = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (Long.valueOf(1).equals(appended.get(i))) {
                touched.add(events.get(i).userId());
            }
        }
        List<UUID> users = new ArrayList<>(touched);
        for (int from = 0; from < users.size(); from += USERS_PER_MESSAGE) {
            List<UUID> part = users.subList(from, Math.min(users.size(), from + USERS_PER_MESSAGE));
            redis.convertAndSend(channel, String.join(",", part.stream().map(UUID::toString).toList()));
        }
    }

    @Override
    public String open(UUID userId) {
        redis.opsForZSet().add(presentKey, userId.toString(), System.currentTimeMillis() + windowMillis);
        return redis.execute(OPEN, List.of(string(logKey(userId)), string(presenceKey(userId))),
                Long.toString(windowMillis), Integer.toString(retention));
    }

    @Override
    public void keepPresent(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        byte[] present = bytes(presentKey);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (UUID userId : userIds) {
                connection.keyCommands().pExpire(presenceKey(userId), windowMillis);
                connection.keyCommands().pExpire(logKey(userId), windowMillis);
                connection.zSetCommands().zAdd(present, now + windowMillis, bytes(userId.toString()));
            }
            connection.zSetCommands().zRemRangeByScore(present, Double.NEGATIVE_INFINITY, now);
            return null;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<List<StreamEvent>> after(UUID userId, StreamId lastId, int max) {
        List<Object> answer = redis.execute(AFTER, List.of(string(logKey(userId)), string(presenceKey(userId))),
                lastId.toString(), Long.toString(lastId.millis()), Integer.toString(max));
        if (answer == null || Long.valueOf(0).equals(answer.get(0))) {
            return Optional.empty();
        }
        // Dropped entries are all older than the oldest kept: an id before it may have missed some.
        StreamId oldest = StreamId.parse((String) answer.get(2)).orElse(StreamId.ZERO);
        if (Long.valueOf(1).equals(answer.get(1)) && lastId.compareTo(oldest) < 0) {
            return Optional.empty();
        }
        List<StreamEvent> events = new ArrayList<>();
        for (Object entry : (List<Object>) answer.get(3)) {
            List<Object> idAndFields = (List<Object>) entry;
            List<Object> fields = (List<Object>) idAndFields.get(1);
            String type = null;
            String data = null;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("type".equals(fields.get(i))) {
                    type = (String) fields.get(i + 1);
                } else if ("data".equals(fields.get(i))) {
                    data = (String) fields.get(i + 1);
                }
            }
            events.add(new StreamEvent((String) idAndFields.get(0), type, data));
        }
        return Optional.of(events);
    }

    @Override
    public void onAppended(Consumer<Collection<UUID>> doorbell) {
        doorbells.add(doorbell);
    }

    /** A wake-up from any node (this one included). */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            List<UUID> users = Arrays.stream(new String(message.getBody(), StandardCharsets.UTF_8).split(","))
                    .filter(text -> !text.isBlank()).map(UUID::fromString).toList();
            doorbells.forEach(doorbell -> doorbell.accept(users));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed wake-up on {}", channel);
        }
    }

    private byte[] logKey(UUID userId) {
        return bytes(prefix + "log:" + userId);
    }

    private byte[] presenceKey(UUID userId) {
        return bytes(prefix + "since:" + userId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
