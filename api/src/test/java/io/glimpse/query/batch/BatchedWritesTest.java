package io.glimpse.query.batch;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    private static final String APPEND_TO_BIO = "update user_view set bio = bio || ? where id = ?";

    @Autowired
    BatchedWrites writes;
    @Autowired
    JdbcOperations jdbcOperations;
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
    void aStatementThatSaysWhichEntitiesItConcernsJoinsTheLastRunOfItsSqlUnlessOneInBetweenMustStayAhead() {
        insertProfile(ann);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        UnitOfWork<?> batch = begin();
        appendToBio(ann, "1").concerns(x);
        concatToBio(ann, "2").concerns(y);
        appendToBio(ann, "3").concerns(z);
        concatToBio(ann, "4").concerns(y);
        writes.update("update user_view set bio = bio || '|' where id = ?", ann);
        appendToBio(ann, "5").concerns(z);
        concatToBio(ann, "6").concerns(z);
        appendToBio(ann, "7").concerns(x, UUID.randomUUID());
        batch.commit();

        // These statements all touch one row while saying they concern others, to make their order visible.
        assertThat(jdbc.sql("select bio from user_view where id = ?").param(ann).query(String.class).single())
                .as("3 moves ahead of 2; nothing passes the statement that says nothing; 6 stays after 5,"
                        + " which concerns the same entity; 7 moves ahead of 6")
                .isEqualTo("1324|576");
    }

    @Test
    void aBatchOfStatementsThatConcernDifferentEntitiesIsOneJdbcBatchPerSql() {
        List<String> sent = new ArrayList<>();
        BatchedWrites recorded = new BatchedWrites(RecordingJdbcOperations.of(jdbcOperations, sent));
        UnitOfWork<?> batch = begin();
        for (UUID id : List.of(ann, bob, gone)) {
            recorded.update(INSERT_PROFILE, profile(id)).concerns(id);
            recorded.update(APPEND_TO_BIO, "+", id).concerns(id);
        }
        batch.commit();

        assertThat(sent).containsExactly("batchUpdate of 3: " + INSERT_PROFILE, "batchUpdate of 3: " + APPEND_TO_BIO);
        assertThat(jdbc.sql("select count(*) from user_view where id in (?, ?, ?) and bio = '+'")
                .params(ann, bob, gone).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aHandlerAboutToReadATableItsBatchWritesGetsTheBatchSentFirstInsideItsTransaction() {
        UnitOfWork<?> batch = begin();
        insertProfile(ann);
        writes.sendBeforeReading("user_follow");
        assertThat(posts(ann)).as("the batch writes no follows: nothing sent").isEmpty();
        writes.sendBeforeReading("user_view");
        assertThat(posts(ann)).as("sent, and seen inside the batch's transaction").contains(0L);

        insertProfile(bob);
        writes.add(POSTS, ann, 2);
        writes.sendBeforeReading("user_view");
        assertThat(posts(ann)).as("a counter's move counts as a write of its table").contains(2L);
        writes.add(POSTS, ann, 1);
        batch.commit();

        assertThat(posts(ann)).as("every move once").contains(3L);
        assertThat(posts(bob)).contains(0L);
    }

    @Test
    void aStatementThatFailsWhenSentBeforeAReadFailsTheBatchWhenItCommitsNotTheHandler() {
        UnitOfWork<?> batch = begin();
        insertProfile(bob);
        insertProfile(ann);
        insertProfile(ann);
        writes.sendBeforeReading("user_view");
        insertProfile(gone);

        assertThatThrownBy(batch::commit).as("the second row with the same key").isNotNull();

        assertThat(posts(bob)).as("sent before the read, rolled back with the batch").isEmpty();
        assertThat(posts(gone)).isEmpty();
    }

    @Test
    void aStatementWhoseTableCannotBeToldIsTakenToWriteEveryTable() {
        insertProfile(ann);
        UnitOfWork<?> batch = begin();
        writes.update("/* a comment first */ delete from user_view where id = ?", ann);
        writes.sendBeforeReading("user_follow");
        assertThat(posts(ann)).as("sent before any read").isEmpty();
        batch.commit();
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

    /** A test that failed inside its batch must not leave the batch to the next test on this thread. */
    @AfterEach
    void endAnyBatchLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private UnitOfWork<?> begin() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        return batch;
    }

    private void insertProfile(UUID id) {
        writes.update(INSERT_PROFILE, profile(id));
    }

    private static Object[] profile(UUID id) {
        String name = "bw_" + id.toString().substring(0, 8);
        return new Object[]{id, name, name + "@example.com", name + "@example.com", OffsetDateTime.now()};
    }

    private BatchedWrites.Write follow(UUID follower, UUID followee) {
        return writes.update(FOLLOW, follower, followee, OffsetDateTime.now(), follower, followee);
    }

    private BatchedWrites.Write appendToBio(UUID id, String text) {
        return writes.update(APPEND_TO_BIO, text, id);
    }

    /** Appends too, but as another SQL. */
    private BatchedWrites.Write concatToBio(UUID id, String text) {
        return writes.update("update user_view set bio = concat(bio, ?) where id = ?", text, id);
    }

    private Optional<Long> posts(UUID id) {
        return jdbc.sql("select posts_count from user_view where id = ?").param(id).query(Long.class).optional();
    }

    private long followers(UUID id) {
        return jdbc.sql("select followers_count from user_view where id = ?").param(id).query(Long.class).single();
    }
}
