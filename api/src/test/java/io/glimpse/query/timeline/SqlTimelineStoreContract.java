package io.glimpse.query.timeline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timeline store contract for the SQL store, on whichever database the subclass's context has. */
abstract class SqlTimelineStoreContract extends TimelineStoreContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batches;

    @Override
    TimelineStore store() {
        return new SqlTimelineStore(jdbc, batches);
    }
}
