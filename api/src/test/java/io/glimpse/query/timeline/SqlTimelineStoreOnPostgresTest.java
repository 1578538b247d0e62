package io.glimpse.query.timeline;

import io.glimpse.api.support.PostgresGlimpse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgresGlimpse
class SqlTimelineStoreOnPostgresTest extends TimelineStoreContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batches;

    @Override
    TimelineStore store() {
        return new SqlTimelineStore(jdbc, batches);
    }
}
