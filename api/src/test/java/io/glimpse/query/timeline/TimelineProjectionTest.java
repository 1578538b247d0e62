package io.glimpse.query.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.query.batch.RecordingJdbcOperations;
import io.glimpse.query.live.LiveRecorder;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.glimpse.api.support.Events.feed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline projection given events, with fan-out batches of two and celebrities above three
 * followers, so that both ways of telling a celebrity (a first batch that is not full, and a count)
 * are taken.
 */
@EmbeddedGlimpse
class TimelineProjectionTest {

    private static final int BATCH = 2;
    private static final int CELEBRITY_THRESHOLD = 3;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TimelineWriter writer;
    @Autowired
    DataSource dataSource;
    @Autowired
    TimelineSources sources;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcOperations jdbcOperations;

    private TimelineStore store;
    private TimelineProjection projection;

    private void givenTheProjection() {
        store = new SqlTimelineStore(jdbc, writer);
        projection = new TimelineProjection(store, sources, properties(), LiveRecorder.disabled());
    }

    private static TimelineProperties properties() {
        return new TimelineProperties("sql", 800, 1, CELEBRITY_THRESHOLD, BATCH, 100, "test:");
    }

    @Test
    void postsReachEveryFollowerOverSeveralBatchesUpToTheThreshold() {
        givenTheProjection();
        for (int followers : List.of(0, 1, BATCH, CELEBRITY_THRESHOLD)) {
            UUID author = UUID.randomUUID();
            List<UUID> fans = followers(author, followers);
            UUID post = post(author);

            assertThat(fans).as("%d followers", followers)
                    .allSatisfy(fan -> assertThat(postsIn(fan)).containsExactly(post));
            assertThat(postsIn(author)).containsExactly(post);
        }
    }

    @Test
    void postsOfAuthorsAboveTheThresholdAreNotFannedOut() {
        givenTheProjection();
        UUID author = UUID.randomUUID();
        List<UUID> fans = followers(author, CELEBRITY_THRESHOLD + 1);
        UUID post = post(author);

        assertThat(fans).allSatisfy(fan -> assertThat(postsIn(fan)).isEmpty());
        assertThat(postsIn(author)).containsExactly(post);
    }

    /**
     * As a replay batch delivers them: the sources' writes wait for the batch's end too, so a
     * fan-out must still find the follows and a backfill the posts written just before it.
     */
    @Test
    void inOneBatchFollowsPostsAndAnUnfollowEndAsIfHandledOneByOne() {
        givenTheProjection();
        UUID author = UUID.randomUUID();
        UUID leaves = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        feed(projection, new UserFollowed(leaves, author));
        UUID first = post(author);
        feed(projection, new UserFollowed(stays, author));
        feed(projection, new UserUnfollowed(leaves, author));
        UUID second = post(author);
        batch.commit();

        assertThat(postsIn(author)).containsExactly(second, first);
        assertThat(postsIn(stays)).as("the first post by backfill, the second by fan-out").containsExactly(second, first);
        assertThat(postsIn(leaves)).as("the first post taken out by the unfollow, the second never brought").isEmpty();
    }

    /**
     * Removals are written before additions, so one that comes after an addition in the batch
     * takes it back in memory: a post created and deleted leaves no entry; an unfollow, a block
     * lifted by nothing, and a follow again bring the author's posts back by backfill.
     */
    @Test
    void inOneBatchAPostCreatedAndDeletedLeavesNothingAndARefollowBringsThePostsBack() {
        givenTheProjection();
        UUID author = UUID.randomUUID();
        UUID fan = UUID.randomUUID();
        UUID blocked = UUID.randomUUID();
        feed(projection, new UserFollowed(fan, author), new UserFollowed(blocked, author));
        UUID kept = post(author);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        UUID brief = post(author);
        feed(projection, new PostDeleted(brief, author, author));
        feed(projection, new UserUnfollowed(fan, author), new UserFollowed(fan, author));
        UUID later = post(author);
        feed(projection, new UserBlocked(author, blocked), new UserUnfollowed(blocked, author));
        batch.commit();

        assertThat(postsIn(author)).containsExactly(later, kept);
        assertThat(postsIn(fan)).as("the first post by backfill, the last by fan-out").containsExactly(later, kept);
        assertThat(postsIn(blocked)).as("the block took the author's posts out, the batch's own too").isEmpty();
        assertThat(jdbc.sql("select count(*) from timeline_post where post_id = ?").param(brief).query(Long.class)
                .single()).isZero();
    }

    /** On PostgreSQL every run is a round trip: a batch of posts must not cost two per post. */
    @Test
    void oneBatchOfPostsByManyAuthorsSendsItsSourcesAndItsEntriesAsOneJdbcBatchEach() {
        givenTheProjection();
        List<UUID> authors = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        authors.forEach(author -> followers(author, 1));
        List<String> sent = new ArrayList<>();
        TimelineWriter recorded = new TimelineWriter(RecordingJdbcOperations.of(jdbcOperations, sent), dataSource);
        projection = new TimelineProjection(new SqlTimelineStore(jdbc, recorded),
                new TimelineSources(jdbc, recorded), properties(), LiveRecorder.disabled());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        authors.forEach(this::post);
        batch.commit();

        assertThat(sent).as("the posts, then each author's and follower's entry")
                .satisfiesExactly(
                        posts -> assertThat(posts).startsWith("batchUpdate of 3: merge into timeline_post"),
                        entries -> assertThat(entries).startsWith("batchUpdate of 6: insert into timeline_entry"));
        assertThat(authors).allSatisfy(author -> assertThat(postsIn(author)).hasSize(1));
    }

    private List<UUID> followers(UUID author, int count) {
        List<UUID> fans = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        fans.forEach(fan -> feed(projection, new UserFollowed(fan, author)));
        return fans;
    }

    private UUID post(UUID author) {
        UUID post = UUID.randomUUID();
        feed(projection, new PostCreated(post, author, "hello", List.of(), List.of(), List.of()));
        return post;
    }

    private List<UUID> postsIn(UUID owner) {
        return store.page(owner, null, 10).stream().map(TimelineEntry::postId).toList();
    }
}
