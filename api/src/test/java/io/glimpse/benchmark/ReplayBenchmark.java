package io.glimpse.benchmark;

import io.glimpse.GlimpseApplication;
import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.support.CleanDatabase;
import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.processing.Processors;
import io.glimpse.processing.status.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay benchmark (a separate command, scripts/benchmark-replay.sh; not a test): stores a
 * million events of a plausible mix straight into the event store of a fresh embedded Glimpse,
 * then runs each projection alone from the first event to the head, twice, and reports events
 * per second, next to a raw sequential scan of the event table in the same run. The first run
 * builds the read model from nothing; the second is what an admin's replay does to a built one
 * (the timeline's own copy of follows and posts is kept then, and only corrected).
 *
 * <p>The mix, for N events: N/50 users, each following the next 10 users, each posting 10 posts;
 * two likes per post; comments fill the rest. Ids are made as the application makes them
 * (time-ordered, {@link TimeOrderedIds}), and so are the events' own. Projections skip the events
 * they do not handle, but still read them: every replay goes through all N.
 */
public final class ReplayBenchmark {

    private static final int EVENTS = Integer.getInteger("events", 1_000_000);
    private static final int PROCESSOR_BATCH = Integer.getInteger("batch", 1_000);
    /** {@code -Dpostgres=<JDBC URL of an empty database>}: PostgreSQL instead of the embedded H2. */
    private static final String POSTGRES = System.getProperty("postgres");
    private static final int STORE_BATCH = 2_000;
    private static final int TARGET_EVENTS_PER_SECOND = 20_000;
    private static final List<String> PROJECTIONS = List.of(System.getProperty("projections",
            "baseline,users-projection,posts-projection,notifications-projection,timeline-projection,search-projection")
            .split(","));

    private final StringBuilder report = new StringBuilder();
    /** The runs below the target, as "posts-projection (replay)": the benchmark exits with 1 if there are any. */
    private final List<String> missed = new ArrayList<>();

    /** Handles every event and does nothing: what reading the events and Axon's own machinery cost, the floor of any projection. */
    @ProcessingGroup("baseline")
    static class Baseline {
        @EventHandler
        void on(Object event) {
        }
    }

    public static void main(String[] args) throws Exception {
        ReplayBenchmark benchmark = new ReplayBenchmark();
        benchmark.run(Path.of(args.length > 0 ? args[0] : "benchmark/results/replay.md"));
        System.exit(benchmark.missed.isEmpty() ? 0 : 1);
    }

    private void run(Path output) throws Exception {
        Path dataDir = Files.createTempDirectory("glimpse-replay-");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--glimpse.data-dir=" + dataDir,
                "--glimpse.rate-limits.enabled=false", "--glimpse.processors.batch-size=" + PROCESSOR_BATCH,
                "--logging.level.root=WARN"));
        List<Class<?>> sources = new ArrayList<>(List.of(GlimpseApplication.class, Baseline.class));
        if (POSTGRES != null) {
            arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + POSTGRES,
                    "--spring.flyway.clean-disabled=false"));
            sources.add(CleanDatabase.class);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(arguments.toArray(String[]::new))) {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            line("# Replay benchmark");
            line("");
            line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB; Glimpse on " + (POSTGRES == null ? "the embedded database (H2 file)" : "PostgreSQL "
                    + app.getBean(JdbcClient.class).sql("show server_version").query(String.class).single())
                    + ", timelines in SQL, search in Lucene.");
            line("");
            long generation = System.nanoTime();
            long stored = generate(app);
            line("Stored " + stored + " events (" + mix() + ") in " + seconds(System.nanoTime() - generation)
                    + " s, through Axon's event store in transactions of " + STORE_BATCH + ".");
            line("");
            long head = app.getBean(Projections.class).head();
            line("| what | events | first build: seconds | events/s | replay: seconds | events/s |");
            line("|---|---|---|---|---|---|");
            long events = scan(app.getBean(JdbcClient.class));
            for (String name : PROJECTIONS) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> line(
                        "| `" + processor.getName() + "` | " + events + " | " + replay(processor, head, events, "first build")
                                + " | " + replay(processor, head, events, "replay") + " |"));
            }
            line("");
            line(missed.isEmpty() ? "**Target of " + perSecond(TARGET_EVENTS_PER_SECOND) + " events/s: met by every run.**"
                    : "**Target of " + perSecond(TARGET_EVENTS_PER_SECOND) + " events/s: missed by " + String.join(", ", missed)
                    + ".**");
            line("");
            line("Each projection runs alone, from the first event to the head, in batches of up to "
                    + PROCESSOR_BATCH + " events per transaction: first building its read model from nothing,"
                    + " then replaying it as `POST /api/admin/projections/{name}/replay` does (reset, rebuilt from the"
                    + " first event). `baseline` is a processor whose handler takes every event and does nothing"
                    + " (reading, deserializing and Axon's own work). The raw scan reads every row (index, type and"
                    + " payload bytes) in pages of 10,000 by global index, without deserializing.");
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    private static String mix() {
        int users = users();
        return users + " registrations, " + users * 10 + " follows, " + users * 10 + " posts, " + users * 20
                + " likes, the rest comments";
    }

    private static int users() {
        return EVENTS / 50;
    }

    private long generate(ConfigurableApplicationContext app) {
        EventStore events = app.getBean(EventStore.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        int users = users();
        UUID[] userIds = new UUID[users];
        List<EventMessage<?>> batch = new ArrayList<>(STORE_BATCH);
        AtomicLong stored = new AtomicLong();
        Runnable flush = () -> {
            List<EventMessage<?>> page = List.copyOf(batch);
            transactions.executeWithoutResult(status -> events.publish(page));
            stored.addAndGet(page.size());
            batch.clear();
        };
        java.util.function.BiConsumer<String, Object[]> add = (type, idAndPayload) -> {
            batch.add(new GenericDomainEventMessage<>(type, idAndPayload[0].toString(), 0, idAndPayload[1]));
            if (batch.size() == STORE_BATCH) {
                flush.run();
            }
        };
        for (int i = 0; i < users; i++) {
            userIds[i] = TimeOrderedIds.next();
            String name = "user" + i;
            add.accept("User", new Object[]{userIds[i], new UserRegistered(userIds[i], name, name + "@bench.local",
                    "not-a-real-hash", "User " + i)});
        }
        // Users registered in id order, but who follows, posts, likes and comments is scattered
        // over all of them, as on a real site: without this, the strides below would walk the
        // time-ordered user ids in order and make every index led by a user id look append-only.
        Collections.shuffle(Arrays.asList(userIds), new Random(42));
        for (int i = 0; i < users; i++) {
            for (int k = 1; k <= 10; k++) {
                UUID followee = userIds[(i + k) % users];
                add.accept("Relationship", new Object[]{userIds[i] + ":" + followee,
                        new UserFollowed(userIds[i], followee)});
            }
        }
        long remaining = EVENTS - (long) users * 41;
        long comments = Math.max(0, remaining);
        int posts = users * 10;
        for (int p = 0; p < posts; p++) {
            UUID postId = TimeOrderedIds.next();
            UUID author = userIds[p % users];
            add.accept("Post", new Object[]{postId, new PostCreated(postId, author,
                    "Post number " + p + " about #topic" + (p % 100) + " and #daily", List.of("topic" + (p % 100), "daily"),
                    List.of(), List.of())});
            for (int m = 1; m <= 2; m++) {
                UUID liker = userIds[(p * 7 + m) % users];
                add.accept("PostLike", new Object[]{postId + ":" + liker, new PostLiked(postId, author, liker)});
            }
            for (long c = comments * p / posts; c < comments * (p + 1) / posts; c++) {
                UUID commentId = TimeOrderedIds.next();
                add.accept("Comment", new Object[]{commentId, new CommentAdded(commentId, postId, author,
                        userIds[(int) ((p * 3 + c) % users)], "Nice one, number " + c, List.of())});
            }
        }
        if (!batch.isEmpty()) {
            flush.run();
        }
        return stored.get();
    }

    private long scan(JdbcClient jdbc) {
        long start = System.nanoTime();
        long after = -1;
        long rows = 0;
        long bytes = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("select global_index, payload_type, payload from domain_event_entry"
                            + " where global_index > ? order by global_index limit 10000")
                    .param(after)
                    .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getBytes(3)})
                    .list();
            for (Object[] row : page) {
                after = (Long) row[0];
                bytes += ((byte[]) row[2]).length;
            }
            rows += page.size();
            if (page.size() < 10_000) {
                break;
            }
        }
        long took = System.nanoTime() - start;
        line("| raw sequential scan of `domain_event_entry` (" + bytes / (1 << 20) + " MiB of payloads) | " + rows
                + " | " + seconds(took) + " | " + perSecond(rows, took) + " | | |");
        return rows;
    }

    /** Seconds and events per second, as two table cells. */
    private String replay(StreamingEventProcessor processor, long head, long events, String run) {
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        while (!Processors.hasReached(processor, head)) {
            sleep();
        }
        long took = System.nanoTime() - start;
        processor.shutDown();
        if (events / (took / 1e9) < TARGET_EVENTS_PER_SECOND && !processor.getName().equals("baseline")) {
            missed.add(processor.getName() + " (" + run + ")");
        }
        return seconds(took) + " | " + perSecond(events, took);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static String perSecond(long count, long nanos) {
        return perSecond(Math.round(count / (nanos / 1e9)));
    }

    private static String perSecond(long rate) {
        return String.format("%,d", rate);
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
