package io.glimpse.query.counter;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.query.user.UserViewRepository;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counters moved inside a processor's unit of work, and outside one, against the real database. */
@EmbeddedGlimpse
class CountersTest {

    private static final Counter POSTS = new Counter("user_view", "posts_count");
    private static final Counter FOLLOWERS = new Counter("user_view", "followers_count");

    @Autowired
    Counters counters;
    @Autowired
    UserViewRepository users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionManager transactions;

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void givenTwoProfiles() {
        for (UUID id : new UUID[]{ann, bob}) {
            String name = "ct_" + id.toString().substring(0, 8);
            users.insert(id, name, name + "@example.com", "h", name, Instant.now());
        }
    }

    @Test
    void withinAUnitOfWorkChangesAreSummedPerRowAndWrittenWhenItCommits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        counters.add(POSTS, ann, 1);
        counters.add(POSTS, ann, 1);
        counters.add(FOLLOWERS, ann, 1);
        counters.add(POSTS, bob, 1);
        counters.add(POSTS, bob, -1);
        assertThat(count(POSTS, ann)).as("not yet written").isZero();

        batch.commit();

        assertThat(count(POSTS, ann)).isEqualTo(2);
        assertThat(count(FOLLOWERS, ann)).isEqualTo(1);
        assertThat(count(POSTS, bob)).isZero();
    }

    @Test
    void aBatchThatRollsBackMovesNothing() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        counters.add(POSTS, ann, 5);
        assertThatThrownBy(() -> batch.executeWithResult(() -> {
            throw new IllegalStateException("the handler failed");
        }).getPayload());

        assertThat(count(POSTS, ann)).isZero();
    }

    @Test
    void outsideAUnitOfWorkAChangeIsWrittenAtOnce() {
        counters.add(POSTS, bob, 3);
        assertThat(count(POSTS, bob)).isEqualTo(3);
    }

    private long count(Counter counter, UUID id) {
        return jdbc.sql("select " + counter.column() + " from " + counter.table() + " where id = ?").param(id)
                .query(Long.class).single();
    }
}
