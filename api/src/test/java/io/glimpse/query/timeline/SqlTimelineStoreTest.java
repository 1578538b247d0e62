package io.glimpse.query.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@EmbeddedGlimpse
class SqlTimelineStoreTest extends TimelineStoreContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batches;

    @Override
    TimelineStore store() {
        return new SqlTimelineStore(jdbc, batches);
    }
}
