package io.glimpse.query.timeline;

import io.glimpse.query.batch.BatchedWrites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/** The timeline store named by {@code glimpse.timeline.store}: SQL by default, Redis in production. */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    TimelineStore timelineStore(TimelineProperties properties, DataSource dataSource, JdbcClient jdbc,
                                BatchedWrites writes, ObjectProvider<StringRedisTemplate> redis) {
        return switch (properties.store()) {
            case "sql" -> SqlTimelineStore.on(dataSource, jdbc, writes);
            case "redis" -> new RedisTimelineStore(redis.getObject(), properties.redisKeyPrefix(), properties.capacity());
            default -> throw new IllegalStateException("glimpse.timeline.store must be sql or redis, not "
                    + properties.store());
        };
    }
}
