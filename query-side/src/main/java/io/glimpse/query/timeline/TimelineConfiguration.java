package io.glimpse.query.timeline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL timeline store, unless {@code glimpse.timeline.store} names another (the adapters module
 * has Redis's). It stays beside the projection: its entries are written in the same change batch
 * as the timeline's own follows and posts ({@link TimelineWriter}, removals first across both).
 */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    @ConditionalOnProperty(name = "glimpse.timeline.store", havingValue = "sql", matchIfMissing = true)
    TimelineStore sqlTimelineStore(JdbcClient jdbc, TimelineWriter writer) {
        return new SqlTimelineStore(jdbc, writer);
    }
}
