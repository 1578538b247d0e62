package io.glimpse.query.timeline;

import io.glimpse.query.batch.BatchedWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timeline store contract for the SQL store, on whichever database the subclass's context has. */
abstract class SqlTimelineStoreContract extends TimelineStoreContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchedWrites writes;

    @Override
    TimelineStore store() {
        return new SqlTimelineStore(jdbc, writes);
    }
}
