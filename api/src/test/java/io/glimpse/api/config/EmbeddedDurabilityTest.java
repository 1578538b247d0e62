package io.glimpse.api.config;

import io.glimpse.api.support.GlimpseProcess;
import io.glimpse.api.support.GlimpseProcess.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps what it acknowledged: a real JVM on an H2 file is killed with SIGKILL
 * right after answering writes, and after a restart on the same data every one of them is there.
 * (H2 wrote commits up to 500 ms late until {@code WRITE_DELAY=0}.)
 */
class EmbeddedDurabilityTest {

    private final List<GlimpseProcess> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (GlimpseProcess process : started) {
            process.kill();
        }
    }

    @Test
    void writesAnsweredJustBeforeASigkillAreThereAfterARestart() throws Exception {
        Path data = Files.createTempDirectory("glimpse-durability-");
        GlimpseProcess glimpse = start(data);
        Account author = glimpse.register("durable_" + Long.toString(System.nanoTime(), 36));
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(glimpse.post(author.token(), "Acknowledged " + i));
        }
        glimpse.kill();
        started.remove(glimpse);

        GlimpseProcess restarted = start(data);
        for (String post : posts) {
            assertThat(restarted.get("/api/posts/" + post, author.token()).path("id").asString())
                    .as("post %s, answered 201 before the kill", post).isEqualTo(post);
        }
    }

    private GlimpseProcess start(Path data) throws Exception {
        GlimpseProcess process = GlimpseProcess.start(data, List.of("-Xmx512m"), List.of());
        started.add(process);
        return process;
    }
}
