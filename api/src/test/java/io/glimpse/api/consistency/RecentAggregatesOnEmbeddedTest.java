package io.glimpse.api.consistency;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.like.PostLike;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregates that commands touch are kept, so the next command on one needs no load. */
@EmbeddedGlimpse
class RecentAggregatesOnEmbeddedTest extends ApiTest {

    @Autowired
    @Qualifier(RecentAggregates.CACHE)
    Cache recentAggregates;

    @Test
    void aLikeKeepsItsAggregateAndTheUnlikeThatFollowsDecidesOnIt() {
        Account author = register("kept_author");
        Account fan = register("kept_fan");
        String post = post(author, "Keep me");
        String pair = PostLike.idOf(UUID.fromString(post), fan.id());

        http.post().uri("/api/posts/" + post + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(recentAggregates.containsKey(pair)).isTrue();

        http.delete().uri("/api/posts/" + post + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(read("/api/posts/" + post, fan)).containsEntry("likesCount", 0).containsEntry("likedByMe", false);
    }
}
