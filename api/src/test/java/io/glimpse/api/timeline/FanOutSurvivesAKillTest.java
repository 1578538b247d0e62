package io.glimpse.api.timeline;

import io.glimpse.api.support.DatabaseOrder;
import io.glimpse.api.support.GlimpseProcess;
import io.glimpse.api.support.GlimpseProcess.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Glimpse as a process of its own (embedded database, timelines in the real Redis), killed with
 * SIGKILL while a post is being fanned out (one timeline a batch, so the fan-out lasts long enough
 * to be caught half done), then started again on the same data: the timeline processor resumes
 * from its last committed position and every follower ends up with the post exactly once.
 */
class FanOutSurvivesAKillTest {

    private static final int FOLLOWERS = 40;
    private final String prefix = "test-fan-out-kill-" + UUID.randomUUID() + ":";
    private final LettuceConnectionFactory connections =
            new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
    private final List<GlimpseProcess> started = new ArrayList<>();
    private StringRedisTemplate redis;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (GlimpseProcess process : started) {
            process.kill();
        }
        if (redis != null) {
            var keys = redis.keys(prefix + "*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
        connections.destroy();
    }

    @Test
    void everyFollowerHasThePostExactlyOnceAfterAKillDuringItsFanOut() throws Exception {
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        Path data = Files.createTempDirectory("glimpse-fan-out-kill-");
        GlimpseProcess glimpse = start(data);
        Account author = glimpse.register("author_" + Long.toString(System.nanoTime(), 36));
        List<Account> inFanOutOrder = registerFollowers(glimpse, author);
        List<UUID> followers = inFanOutOrder.stream().map(account -> UUID.fromString(account.id())).toList();
        UUID first = followers.get(0);
        UUID last = followers.get(followers.size() - 1);

        String postId = null;
        boolean caughtHalfDone = false;
        for (int attempt = 0; attempt < 5 && !caughtHalfDone; attempt++) {
            postId = glimpse.post(author.token(), "Caught in the middle " + attempt);
            String member = postId + ":" + author.id();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!has(first, member) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            caughtHalfDone = !has(last, member);
            if (!caughtHalfDone) {
                await().atMost(Duration.ofSeconds(30)).until(() -> has(last, member));
            }
        }
        assertThat(caughtHalfDone).as("the fan-out was caught half done").isTrue();
        glimpse.kill();
        started.remove(glimpse);

        String member = postId + ":" + author.id();
        GlimpseProcess restarted = start(data);
        await().atMost(Duration.ofSeconds(120)).until(() -> followers.stream().allMatch(f -> has(f, member)));
        for (UUID follower : followers) {
            String post = postId;
            List<String> entries = redis.opsForZSet().range(timeline(follower), 0, -1).stream()
                    .filter(entry -> entry.startsWith(post)).toList();
            assertThat(entries).as("entries of the post in " + follower + "'s timeline").containsExactly(member);
        }
        JsonNode page = restarted.get("/api/timeline?limit=50", inFanOutOrder.get(FOLLOWERS - 1).token());
        assertThat(page.path("items").findValuesAsString("id")).containsOnlyOnce(postId);
    }

    private GlimpseProcess start(Path data) throws Exception {
        GlimpseProcess process = GlimpseProcess.start(data, List.of("-Xmx512m"), List.of(
                "--glimpse.timeline.store=redis", "--glimpse.timeline.redis-key-prefix=" + prefix,
                "--glimpse.timeline.fan-out-batch=1", "--glimpse.timeline.celebrity-threshold=100000"));
        started.add(process);
        return process;
    }

    /** FOLLOWERS users following the author, in the order the fan-out reaches them (their ids, as the database sorts them). */
    private List<Account> registerFollowers(GlimpseProcess glimpse, Account author) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Account> accounts = IntStream.range(0, FOLLOWERS).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            Account follower = glimpse.register("follower" + i + "_" + Long.toString(System.nanoTime(), 36));
            glimpse.send("POST", "/api/users/" + author.username() + "/follow", follower.token(), null, 204);
            return follower;
        }, pool)).toList().stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        return accounts.stream().sorted(Comparator.comparing((Account account) -> UUID.fromString(account.id()),
                DatabaseOrder.UUIDS)).toList();
    }

    private boolean has(UUID owner, String member) {
        return redis.opsForZSet().score(timeline(owner), member) != null;
    }

    private String timeline(UUID owner) {
        return prefix + "timeline:" + owner;
    }
}
