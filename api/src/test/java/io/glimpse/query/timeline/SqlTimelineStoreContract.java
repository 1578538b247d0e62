package io.glimpse.query.timeline;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline store contract for the SQL store, on whichever database the subclass's context has. */
abstract class SqlTimelineStoreContract extends TimelineStoreContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimelineWriter writer;

    @Autowired
    TransactionManager transactions;

    @Override
    TimelineStore store() {
        return new SqlTimelineStore(jdbc, writer);
    }

    /** In a processor's batch the entries go together when it commits, duplicates among them. */
    @Test
    void oneBatchPushingAPostTwiceAndMergingItAgainKeepsOneEntry() {
        TimelineEntry post = entry(author, 1);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        store.push(List.of(ann, bob), post);
        store.push(List.of(ann), post);
        store.merge(ann, List.of(post));
        batch.commit();

        assertThat(store.page(ann, null, 10)).containsExactly(post);
        assertThat(store.page(bob, null, 10)).containsExactly(post);
    }
}
