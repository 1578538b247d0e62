package io.glimpse.api.stream;

import io.glimpse.api.stream.SseClient.Event;
import io.glimpse.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream end to end with two clients on the application's random port: one acts, the
 * other's stream receives each event in order; resuming, resets, blocks, the per-user limit,
 * tickets and the feature flag. Subclasses set {@code glimpse.stream.max-per-user=2},
 * {@code retention=8}, {@code heartbeat=1s} and {@code ticket-ttl=2s}.
 */
abstract class LiveStreamApiContract extends ApiTest {

    static final String TEST_PROPERTIES_MAX_PER_USER = "glimpse.stream.max-per-user=2";
    static final String TEST_PROPERTIES_RETENTION = "glimpse.stream.retention=8";
    static final String TEST_PROPERTIES_HEARTBEAT = "glimpse.stream.heartbeat=1s";
    static final String TEST_PROPERTIES_TICKET_TTL = "glimpse.stream.ticket-ttl=2s";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theOtherUsersLikeCommentFollowAndPostArriveInOrder() {
        Account me = register("live_me");
        Account other = register("live_other");
        startFollowing(me, other);
        String myPost = post(me, "Mine");
        try (SseClient stream = stream(me)) {
            Event ready = stream.next();
            assertThat(ready.type()).isEqualTo("ready");
            assertThat(ready.id()).isNotBlank();

            like(other, myPost);
            Event liked = stream.next();
            assertThat(liked.type()).isEqualTo("notification");
            assertThat(json(liked).path("type").asString()).isEqualTo("LIKE");
            assertThat(json(liked).path("actor").path("username").asString()).isEqualTo(other.username());
            assertThat(json(liked).path("post").path("id").asString()).isEqualTo(myPost);
            assertUnread(stream.next(), 1);

            comment(other, myPost, "Nice one");
            Event commented = stream.next();
            assertThat(json(commented).path("type").asString()).isEqualTo("COMMENT");
            assertThat(json(commented).path("comment").path("text").asString()).isEqualTo("Nice one");
            assertUnread(stream.next(), 2);

            startFollowing(other, me);
            assertThat(json(stream.next()).path("type").asString()).isEqualTo("FOLLOW");
            assertUnread(stream.next(), 3);

            String theirPost = post(other, "Theirs");
            Event entered = stream.next();
            assertThat(entered.type()).isEqualTo("timeline.post");
            assertThat(json(entered).path("postId").asString()).isEqualTo(theirPost);
            assertThat(json(entered).path("authorId").asString()).isEqualTo(other.id().toString());

            http.delete().uri("/api/posts/" + theirPost).headers(other.bearer()).exchange().expectStatus().isNoContent();
            Event deleted = stream.next();
            assertThat(deleted.type()).isEqualTo("post.deleted");
            assertThat(json(deleted).path("postId").asString()).isEqualTo(theirPost);

            http.delete().uri("/api/posts/" + myPost + "/likes").headers(other.bearer()).exchange()
                    .expectStatus().isNoContent();
            Event removed = stream.next();
            assertThat(removed.type()).isEqualTo("notification.removed");
            assertThat(json(removed).path("ids").get(0).asString()).isEqualTo(json(liked).path("id").asString());
            assertUnread(stream.next(), 2);

            http.post().uri("/api/notifications/mark-all-read").headers(me.bearer()).exchange()
                    .expectStatus().isNoContent();
            assertUnread(stream.next(), 0);

            List<Event> all = List.of(ready, liked, commented, entered, deleted, removed);
            assertThat(all).extracting(event -> StreamId.parse(event.id()).orElseThrow()).isSorted();
        }
    }

    @Test
    void aReconnectWithLastEventIdReceivesWhatItMissed() {
        Account me = register("live_resume");
        Account other = register("live_liker");
        String myPost = post(me, "Like me later");
        String lastSeen;
        try (SseClient stream = stream(me)) {
            lastSeen = stream.next().id();
        }
        like(other, myPost);
        comment(other, myPost, "While you were away");

        try (SseClient resumed = stream(me, Map.of("Last-Event-ID", lastSeen))) {
            Event ready = resumed.next();
            assertThat(ready.type()).isEqualTo("ready");
            assertThat(json(ready).path("resumed").asBoolean()).isTrue();
            List<Event> missed = List.of(resumed.next(), resumed.next(), resumed.next(), resumed.next());
            assertThat(missed).extracting(Event::type)
                    .containsExactly("notification", "unread-count", "notification", "unread-count");
            assertThat(json(missed.get(0)).path("type").asString()).isEqualTo("LIKE");
            assertThat(json(missed.get(2)).path("type").asString()).isEqualTo("COMMENT");

            // And the same by the query parameter, as a client opening a new EventSource sends it.
            String afterLike = missed.get(1).id();
            try (SseClient again = SseClient.open(uri("/api/stream?ticket=" + ticket(me) + "&lastEventId=" + afterLike),
                    Map.of())) {
                assertThat(again.next().type()).isEqualTo("ready");
                assertThat(List.of(again.next(), again.next())).extracting(Event::type)
                        .containsExactly("notification", "unread-count");
            }
        }
    }

    @Test
    void resumingFromAnEventNoLongerKeptSendsAReset() {
        Account me = register("live_gap");
        String myPost = post(me, "Popular");
        String lastSeen;
        try (SseClient stream = stream(me)) {
            lastSeen = stream.next().id();
        }
        // Five likes are ten events, more than the eight the log keeps.
        for (Account fan : registerMany("live_fan", 5)) {
            like(fan, myPost);
        }
        awaitProcessed(); // a like waits for the posts read model, not for the notifications that feed the log
        try (SseClient resumed = stream(me, Map.of("Last-Event-ID", lastSeen))) {
            assertThat(resumed.next().type()).isEqualTo("ready");
            Event reset = resumed.next();
            assertThat(reset.type()).isEqualTo("reset");
            Account late = register("live_late");
            like(late, myPost);
            Event after = resumed.next();
            assertThat(after.type()).isEqualTo("notification");
            assertThat(StreamId.parse(after.id()).orElseThrow()).isGreaterThan(StreamId.parse(reset.id()).orElseThrow());
        }
        try (SseClient stranger = stream(me, Map.of("Last-Event-ID", "1-0"))) {
            assertThat(stranger.next().type()).isEqualTo("ready");
            assertThat(stranger.next().type()).as("an id from long ago").isEqualTo("reset");
        }
    }

    @Test
    void aBlockedUsersActivityNeverReachesTheBlocker() {
        Account me = register("live_blocker");
        Account blocked = register("live_blocked");
        Account friend = register("live_friend");
        String myPost = post(me, "Go away");
        http.post().uri("/api/users/" + blocked.username() + "/block").headers(me.bearer()).exchange()
                .expectStatus().isNoContent();
        try (SseClient stream = stream(me)) {
            assertThat(stream.next().type()).isEqualTo("ready");
            post(blocked, "Hey @" + me.username() + " look");
            http.post().uri("/api/posts/" + myPost + "/likes").headers(blocked.bearer()).exchange();
            like(friend, myPost);
            List<Event> events = new ArrayList<>(List.of(stream.next(), stream.next()));
            events.addAll(stream.drain(Duration.ofMillis(500)));
            assertThat(events).extracting(Event::type).containsExactly("notification", "unread-count");
            assertThat(json(events.get(0)).path("actor").path("username").asString()).isEqualTo(friend.username());
            assertUnread(events.get(1), 1);
        }
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfStreams() {
        Account me = register("live_tabs");
        try (SseClient first = stream(me); SseClient second = stream(me)) {
            assertThat(first.next().type()).isEqualTo("ready");
            assertThat(second.next().type()).isEqualTo("ready");
            try (SseClient third = SseClient.open(uri("/api/stream"), Map.of("Authorization", "Bearer " + me.accessToken(),
                    "Accept", "application/json"))) {
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.contentType()).startsWith("application/problem+json");
                assertThat(third.body()).contains("open streams");
            }
            try (SseClient someoneElse = stream(register("live_else"))) {
                assertThat(someoneElse.next().type()).as("the limit is per user").isEqualTo("ready");
            }
            first.close();
            // The server notices a closed stream on its next write: the heartbeat, every second here.
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                try (SseClient another = stream(me)) {
                    return another.status() == 200;
                }
            });
        }
    }

    @Test
    void aTicketOpensOneStreamOnceAndExpires() {
        Account me = register("live_ticket");
        String ticket = ticket(me);
        try (SseClient stream = SseClient.open(uri("/api/stream?ticket=" + ticket), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.next().type()).isEqualTo("ready");
        }
        try (SseClient reused = SseClient.open(uri("/api/stream?ticket=" + ticket), Map.of("Accept", "*/*"))) {
            assertThat(reused.status()).as("a ticket is single-use").isEqualTo(401);
            assertThat(reused.body()).contains("ticket");
        }
        String expiring = ticket(me);
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        try (SseClient late = SseClient.open(uri("/api/stream?ticket=" + expiring), Map.of())) {
            assertThat(late.status()).as("an expired ticket").isEqualTo(401);
        }
        try (SseClient anonymous = SseClient.open(uri("/api/stream"), Map.of());
             SseClient tokenInUrl = SseClient.open(uri("/api/stream?access_token=" + me.accessToken()), Map.of())) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(tokenInUrl.status()).as("the access token is never taken from the URL").isEqualTo(401);
        }
        http.post().uri("/api/stream/tickets").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theStreamFollowsItsFeatureFlag() {
        Account admin = admin();
        Account me = register("live_flagged");
        http.post().uri("/api/admin/features").headers(admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "live-stream", "description", "The live stream")).exchange()
                .expectStatus().isCreated();
        try {
            try (SseClient off = stream(me)) {
                assertThat(off.status()).as("a new flag is off for everyone").isEqualTo(404);
            }
            http.post().uri("/api/stream/tickets").headers(me.bearer()).exchange().expectStatus().isNotFound();
            http.put().uri("/api/admin/features/live-stream/whitelist/" + me.id()).headers(admin.bearer()).exchange()
                    .expectStatus().isOk();
            http.put().uri("/api/admin/features/live-stream/enabled").headers(admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", true)).exchange().expectStatus().isOk();
            try (SseClient on = stream(me)) {
                assertThat(on.next().type()).as("whitelisted").isEqualTo("ready");
            }
        } finally {
            http.delete().uri("/api/admin/features/live-stream").headers(admin.bearer()).exchange()
                    .expectStatus().isNoContent();
        }
        try (SseClient back = stream(me)) {
            assertThat(back.next().type()).as("no flag: on for everyone").isEqualTo("ready");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() {
        try (SseClient stream = stream(register("live_idle"))) {
            stream.next();
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.heartbeats() >= 2);
        }
    }

    // --- steps ---

    protected SseClient stream(Account account) {
        return stream(account, Map.of());
    }

    protected SseClient stream(Account account, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Bearer " + account.accessToken());
        return SseClient.open(uri("/api/stream"), all);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected String ticket(Account account) {
        Map<?, ?> answer = http.post().uri("/api/stream/tickets").headers(account.bearer()).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer.get("expiresIn")).isEqualTo(2);
        return (String) answer.get("ticket");
    }

    protected void like(Account liker, String postId) {
        http.post().uri("/api/posts/" + postId + "/likes").headers(liker.bearer()).exchange().expectStatus().isNoContent();
    }

    protected void comment(Account author, String postId, String text) {
        http.post().uri("/api/posts/" + postId + "/comments").headers(author.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).exchange()
                .expectStatus().isCreated();
    }

    protected static JsonNode json(Event event) {
        return JSON.readTree(event.data());
    }

    private static void assertUnread(Event event, long count) {
        assertThat(event.type()).isEqualTo("unread-count");
        assertThat(json(event).path("count").asLong()).isEqualTo(count);
    }
}
