package io.glimpse.api.stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.time.Clock;

/** The stream log and tickets named by {@code glimpse.stream.store}: in memory by default, Redis with the redis profile. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    StreamLog streamLog(StreamProperties properties, ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        return switch (properties.store()) {
            case "memory" -> new MemoryStreamLog(properties.retention(), properties.window(), clock);
            case "redis" -> new RedisStreamLog(redis.getObject(), properties.redisKeyPrefix(), properties.retention(),
                    properties.window());
            default -> throw new IllegalStateException("glimpse.stream.store must be memory or redis, not "
                    + properties.store());
        };
    }

    @Bean
    StreamTickets streamTickets(StreamProperties properties, ObjectProvider<StringRedisTemplate> redis) {
        return "redis".equals(properties.store())
                ? new RedisStreamTickets(redis.getObject(), properties.redisKeyPrefix(), properties.ticketTtl())
                : new MemoryStreamTickets(properties.ticketTtl());
    }

    /** Every node listens for the wake-ups of the Redis log; there is none in memory. */
    @Bean
    @ConditionalOnProperty(name = "glimpse.stream.store", havingValue = "redis")
    RedisMessageListenerContainer streamWakeUps(StreamLog streamLog, RedisConnectionFactory redis) {
        RedisStreamLog shared = (RedisStreamLog) streamLog;
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(shared, new ChannelTopic(shared.channel()));
        return container;
    }
}
