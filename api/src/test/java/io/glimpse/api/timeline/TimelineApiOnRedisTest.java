package io.glimpse.api.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timelines in the real Redis on 127.0.0.1:6379, under a key prefix of this test's own and a tiny
 * capacity, trimmed on every post, so that pages beyond the cap come from SQL.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = {
        "glimpse.timeline.store=redis",
        "glimpse.timeline.capacity=" + TimelineApiOnRedisTest.CAPACITY,
        "glimpse.timeline.trim-one-in=1",
        "glimpse.timeline.redis-key-prefix=test-timeline-api:",
        "glimpse.timeline.guard-interval=200ms"})
class TimelineApiOnRedisTest extends TimelineApiContract {

    static final int CAPACITY = 4;

    @Test
    void pagesBeyondTheCapacityComeFromSql() {
        Account me = register("reader");
        Account author = register("author");
        startFollowing(me, author);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < CAPACITY + 3; i++) {
            posts.add(0, post(author, "Post " + i));
        }
        awaitProcessed();
        assertThat(store.size(me.id())).isEqualTo(CAPACITY);
        assertThat(timeline(me)).containsExactlyElementsOf(posts);
    }

    @Test
    void lostRedisDataIsNoticedAndRebuiltWhileTimelinesStayCorrect() {
        Account me = register("reader");
        Account author = register("author");
        startFollowing(me, author);
        String older = post(author, "Before the flush");
        String newer = post(author, "Also before");
        await().atMost(Duration.ofSeconds(30)).until(store::isIntact);

        store.clearAll();

        assertThat(timeline(me)).containsExactly(newer, older);
        await().atMost(Duration.ofSeconds(60)).until(store::isIntact);
        assertThat(store.page(me.id(), null, 10)).extracting(entry -> entry.postId().toString())
                .containsExactly(newer, older);
        assertThat(timeline(me)).containsExactly(newer, older);
    }
}
