package io.glimpse.adapters.timeline;

import io.glimpse.query.timeline.TimelineProperties;
import io.glimpse.query.timeline.TimelineStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Timelines in Redis when {@code glimpse.timeline.store=redis} (the {@code redis} profile). */
@Configuration(proxyBeanMethods = false)
class RedisTimelineConfiguration {

    @Bean
    @ConditionalOnProperty(name = "glimpse.timeline.store", havingValue = "redis")
    TimelineStore redisTimelineStore(TimelineProperties properties, StringRedisTemplate redis) {
        return new RedisTimelineStore(redis, properties.redisKeyPrefix(), properties.capacity(), properties.trimOneIn());
    }
}
