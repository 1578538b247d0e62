package io.glimpse.api.stream;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream with its log, wake-ups and tickets in the real Redis on 127.0.0.1:6379 (under
 * a key prefix of its own), and a second "node" in the test (its own log and listener on the same
 * Redis) that sees the application's events and redeems its tickets.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = {"glimpse.stream.store=redis",
        "glimpse.stream.redis-key-prefix=" + LiveStreamApiOnRedisTest.PREFIX,
        LiveStreamApiContract.TEST_PROPERTIES_MAX_PER_USER,
        LiveStreamApiContract.TEST_PROPERTIES_RETENTION, LiveStreamApiContract.TEST_PROPERTIES_HEARTBEAT,
        LiveStreamApiContract.TEST_PROPERTIES_TICKET_TTL})
class LiveStreamApiOnRedisTest extends LiveStreamApiContract {

    static final String PREFIX = "test-stream-api:";

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisConnectionFactory connections;

    @Test
    void anotherNodeOnTheSameRedisSeesTheEventsAndIsWokenForThem() throws Exception {
        Account me = register("live_node");
        Account other = register("live_node_liker");
        String myPost = post(me, "Seen everywhere");
        RedisStreamLog otherNode = new RedisStreamLog(redis, PREFIX, 8, Duration.ofMinutes(10));
        BlockingQueue<Collection<UUID>> wakeUps = new LinkedBlockingQueue<>();
        otherNode.onAppended(wakeUps::add);
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        listener.addMessageListener(otherNode, new ChannelTopic(otherNode.channel()));
        listener.afterPropertiesSet();
        listener.start();
        try {
            StreamId start = StreamId.parse(otherNode.open(me.id())).orElseThrow();
            Thread.sleep(200); // the subscription is confirmed asynchronously

            like(other, myPost);

            Collection<UUID> woken = wakeUps.poll(10, TimeUnit.SECONDS);
            assertThat(woken).contains(me.id());
            List<StreamEvent> events = otherNode.after(me.id(), start, 10).orElseThrow();
            assertThat(events).extracting(StreamEvent::type).containsExactly("notification", "unread-count");
            assertThat(events.get(0).data()).contains(other.username());
        } finally {
            listener.stop();
            listener.destroy();
        }
    }

    @Test
    void aTicketIssuedHereIsRedeemedOnAnotherNodeOnce() {
        Account me = register("live_node_ticket");
        String ticket = ticket(me);
        RedisStreamTickets otherNode = new RedisStreamTickets(redis, PREFIX, Duration.ofSeconds(2));
        Optional<AuthenticatedUser> redeemed = otherNode.redeem(ticket);
        assertThat(redeemed).map(AuthenticatedUser::id).contains(me.id());
        assertThat(redeemed).map(AuthenticatedUser::username).contains(me.username());
        try (SseClient here = SseClient.open(uri("/api/stream?ticket=" + ticket), Map.of("Accept", "*/*"))) {
            assertThat(here.status()).as("already used on the other node").isEqualTo(401);
        }
    }
}
