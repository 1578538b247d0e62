package io.glimpse.api.stream;

import io.glimpse.api.security.AuthenticatedUser;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets in Redis, so a ticket from one node opens a stream on another: {@code SET ... PX ttl},
 * redeemed with {@code GETDEL}, which only one caller can win.
 */
class RedisStreamTickets implements StreamTickets {

    private final SecureRandom random = new SecureRandom();
    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    RedisStreamTickets(StringRedisTemplate redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix + "ticket:";
        this.ttl = ttl;
    }

    @Override
    public String issue(AuthenticatedUser user) {
        String ticket = StreamTickets.newTicket(random);
        redis.opsForValue().set(prefix + ticket,
                String.join(" ", user.id().toString(), user.sessionId().toString(), Boolean.toString(user.admin()),
                        user.username()), ttl);
        return ticket;
    }

    @Override
    public Optional<AuthenticatedUser> redeem(String ticket) {
        return Optional.ofNullable(redis.opsForValue().getAndDelete(prefix + ticket)).map(value -> {
            String[] parts = value.split(" ", 4);
            return new AuthenticatedUser(UUID.fromString(parts[0]), parts[3], Boolean.parseBoolean(parts[2]),
                    UUID.fromString(parts[1]));
        });
    }
}
