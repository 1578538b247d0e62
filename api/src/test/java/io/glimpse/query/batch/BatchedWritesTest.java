package io.glimpse.query.batch;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes inside a processor's unit of work, and outside one, against the real database. */
@EmbeddedGlimpse
class BatchedWritesTest {

    private static final Counter POSTS = new Counter("user_view", "posts_count");
    private static final Counter FOLLOWERS = new Counter("user_view", "followers_count");
    private static final String INSERT_PROFILE = """
            insert into user_view (id, username, email, login_email, password_hash, display_name, bio, created_at)
            values (?, ?, ?, ?, 'h', 'Someone', '', ?)""";
    /** Inserts a follow only between existing profiles, as the social graph does. */
    private static final String FOLLOW = """
            insert into user_follow (follower_id, followee_id, created_at) select ?, ?, ?
             where exists (select 1 from user_view where id = ?) and exists (select 1 from user_view where id = ?)""";

    @Autowired
    BatchedWrites writes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionManager transactions;

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID gone = UUID.randomUUID();

    @Test
    void aBatchWritesNothingBeforeItCommitsThenEverythingInOrder() {
        UnitOfWork<?> batch = begin();
        insertProfile(ann);
        insertProfile(bob);
        writes.update("delete from user_view where id = ?", bob);
        insertProfile(gone);
        assertThat(posts(ann)).as("not written yet").isEmpty();

        batch.commit();

        assertThat(posts(ann)).contains(0L);
        assertThat(posts(bob)).as("inserted, then deleted").isEmpty();
        assertThat(posts(gone)).contains(0L);
    }

    @Test
    void countersAreSummedPerRowAndMovedByTheRowsAStatementChanged() {
        UnitOfWork<?> batch = begin();
        insertProfile(ann);
        insertProfile(bob);
        writes.add(POSTS, ann, 1);
        writes.add(POSTS, ann, 1);
        writes.add(POSTS, bob, 1);
        writes.add(POSTS, bob, -1);
        follow(bob, ann).moves(FOLLOWERS, ann, +1);
        follow(gone, ann).moves(FOLLOWERS, ann, +1);
        batch.commit();

        assertThat(posts(ann)).contains(2L);
        assertThat(posts(bob)).contains(0L);
        assertThat(followers(ann)).as("only the follow that was inserted counts").isEqualTo(1);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        UnitOfWork<?> batch = begin();
        insertProfile(ann);
        writes.add(POSTS, ann, 5);
        assertThatThrownBy(() -> batch.executeWithResult(() -> {
            throw new IllegalStateException("the handler failed");
        }).getPayload());

        assertThat(posts(ann)).isEmpty();
    }

    @Test
    void aStatementThatFailsWhenTheBatchCommitsRollsTheWholeBatchBack() {
        UnitOfWork<?> batch = begin();
        insertProfile(bob);
        writes.add(POSTS, bob, 1);
        insertProfile(ann);
        insertProfile(ann);

        assertThatThrownBy(batch::commit).as("the second row with the same key").isNotNull();

        assertThat(posts(bob)).as("written before the failing statement, rolled back with it").isEmpty();
        assertThat(posts(ann)).isEmpty();
    }

    @Test
    void statementsOfOneSqlThatAllHaveAKeyGoInTheOrderTheDatabaseKeepsTheirKeysIn() {
        insertProfile(ann);
        UUID first = new UUID(0x0100_0000_0000_0000L, 5);
        UUID second = new UUID(0x0100_0000_0000_0000L, 0x8000_0000_0000_0000L);
        UUID last = new UUID(0x8000_0000_0000_0000L, 0);
        UnitOfWork<?> batch = begin();
        appendToBio(ann, "c").inOrderOf(last);
        appendToBio(ann, "a").inOrderOf(first);
        appendToBio(ann, "b").inOrderOf(second);
        writes.update("update user_view set bio = bio || '|' where id = ?", ann);
        appendToBio(ann, "y").inOrderOf(last);
        appendToBio(ann, "x");
        batch.commit();

        assertThat(jdbc.sql("select bio from user_view where id = ?").param(ann).query(String.class).single())
                .as("sorted unsigned within the first run; the run with a statement without a key keeps its order")
                .isEqualTo("abc|yx");
    }

    @Test
    void outsideAUnitOfWorkEverythingIsWrittenAtOnce() {
        insertProfile(ann);
        insertProfile(bob);
        writes.add(POSTS, ann, 3);
        follow(bob, ann).moves(FOLLOWERS, ann, +1);

        assertThat(posts(ann)).contains(3L);
        assertThat(followers(ann)).isEqualTo(1);
    }

    private UnitOfWork<?> begin() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        return batch;
    }

    private void insertProfile(UUID id) {
        String name = "bw_" + id.toString().substring(0, 8);
        writes.update(INSERT_PROFILE, id, name, name + "@example.com", name + "@example.com", OffsetDateTime.now());
    }

    private BatchedWrites.Write follow(UUID follower, UUID followee) {
        return writes.update(FOLLOW, follower, followee, OffsetDateTime.now(), follower, followee);
    }

    private BatchedWrites.Write appendToBio(UUID id, String text) {
        return writes.update("update user_view set bio = bio || ? where id = ?", text, id);
    }

    private Optional<Long> posts(UUID id) {
        return jdbc.sql("select posts_count from user_view where id = ?").param(id).query(Long.class).optional();
    }

    private long followers(UUID id) {
        return jdbc.sql("select followers_count from user_view where id = ?").param(id).query(Long.class).single();
    }
}
