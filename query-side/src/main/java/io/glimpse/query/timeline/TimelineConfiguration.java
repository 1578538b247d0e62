package io.glimpse.query.timeline;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timeline store named by {@code glimpse.timeline.store}: SQL by default, Redis in production. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    TimelineStore timelineStore(TimelineProperties properties, JdbcClient jdbc, TimelineWriter writer,
                                ObjectProvider<StringRedisTemplate> redis) {
        return switch (properties.store()) {
            case "sql" -> new SqlTimelineStore(jdbc, writer);
            case "redis" -> new RedisTimelineStore(redis.getObject(), properties.redisKeyPrefix(), properties.capacity());
            default -> throw new IllegalStateException("glimpse.timeline.store must be sql or redis, not "
                    + properties.store());
        };
    }
}
