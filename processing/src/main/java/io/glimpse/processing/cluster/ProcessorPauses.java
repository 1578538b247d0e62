package io.glimpse.processing.cluster;

import io.glimpse.processing.status.ReplayRefusedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets one node replay a processor, or split or merge its segments, while the other nodes run it
 * too. Axon resets tokens only when the resetting node can claim every segment, and a reset runs
 * the processor's reset handlers (which empty its tables) once, so: this node writes a pause row
 * ({@code processor_pause}); every other node that runs projections sees it within
 * {@code glimpse.cluster.follow-interval} and stops its processor, which releases its claims; this
 * node waits until no other node holds a live claim, does the work, and deletes the row; the
 * others start their processors again and claim segments as they come free. A pause whose node
 * died is ignored after {@code glimpse.cluster.pause-lease}.
 */
@Component
public class ProcessorPauses {

    private static final Logger log = LoggerFactory.getLogger(ProcessorPauses.class);
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(60);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ClusterProperties cluster;
    private final Role role;
    private final Duration claimTimeout;
    /** Processors this node stopped because another node paused them. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();

    ProcessorPauses(EventProcessingConfiguration processing, JdbcClient jdbc, ClusterProperties cluster, NodeRole role,
                    @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.role = role.role();
        this.claimTimeout = claimTimeout;
    }

    /**
     * Runs the action with the processor paused on every other node; refused (409) while another
     * pause of it is under way. Only nodes that run projections may: a command node's processors
     * stay stopped.
     */
    public <T> T whilePausedElsewhere(String processor, Supplier<T> action) {
        if (!role.runsProjections()) {
            throw new ReplayRefusedException("this node (glimpse.role=command) runs no event processors");
        }
        pause(processor);
        try {
            awaitReleasedElsewhere(processor);
            return action.get();
        } finally {
            jdbc.sql("delete from processor_pause where processor_name = ? and paused_by = ?")
                    .param(processor).param(cluster.nodeId()).update();
        }
    }

    private void pause(String processor) {
        long now = System.currentTimeMillis();
        jdbc.sql("delete from processor_pause where processor_name = ? and paused_until < ?").param(processor).param(now).update();
        try {
            jdbc.sql("insert into processor_pause (processor_name, paused_by, paused_until) values (?, ?, ?)")
                    .param(processor).param(cluster.nodeId()).param(now + cluster.pauseLease().toMillis()).update();
        } catch (DuplicateKeyException e) {
            throw new ReplayRefusedException(processor + " is being replayed, split or merged already");
        }
    }

    /**
     * Until every other node has seen the pause and no other node holds a claim on a segment that
     * has not expired (a dead node's does after the claim timeout). Claims alone are not enough: a
     * node that was starting the processor again (after the previous pause) holds none yet, and
     * claims a segment a moment later; each node looks at the pauses every follow interval, so two
     * of them are waited out first, when other nodes are alive (their heartbeats, SegmentBalancer).
     */
    private void awaitReleasedElsewhere(String processor) {
        if (otherNodesAlive()) {
            sleep(cluster.followInterval().multipliedBy(2).toMillis());
        }
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        while (claimedElsewhere(processor)) {
            if (System.nanoTime() > deadline) {
                throw new ReplayRefusedException("other nodes did not release " + processor + " within " + RELEASE_WAIT);
            }
            sleep();
        }
    }

    private boolean otherNodesAlive() {
        return jdbc.sql("select count(*) from cluster_node where node_id <> ? and seen_at >= ?")
                .param(cluster.nodeId()).param(cluster.aliveSince(System.currentTimeMillis()))
                .query(Integer.class).single() > 0;
    }

    private boolean claimedElsewhere(String processor) {
        Instant stale = Instant.now().minus(claimTimeout);
        List<Claim> claims = jdbc.sql("select owner, timestamp from token_entry where processor_name = ? and owner is not null")
                .param(processor).query((row, number) -> new Claim(row.getString(1), Instant.parse(row.getString(2)))).list();
        return claims.stream().anyMatch(claim -> !claim.owner().equals(cluster.nodeId()) && claim.at().isAfter(stale));
    }

    /** Stops this node's processors that another node paused, and starts them again when the pause is over. */
    @Scheduled(fixedDelayString = "${glimpse.cluster.follow-interval:500ms}")
    void follow() {
        if (!role.runsProjections()) {
            return;
        }
        Set<String> paused = new HashSet<>(jdbc.sql(
                        "select processor_name from processor_pause where paused_by <> ? and paused_until >= ?")
                .param(cluster.nodeId()).param(System.currentTimeMillis()).query(String.class).list());
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .forEach(processor -> follow(processor, paused.contains(processor.getName())));
    }

    private void follow(StreamingEventProcessor processor, boolean paused) {
        String name = processor.getName();
        if (paused && processor.isRunning()) {
            log.info("Pausing {}: another node replays it or changes its segments", name);
            stoppedHere.add(name);
            processor.shutDown();
        } else if (!paused && stoppedHere.remove(name)) {
            log.info("Starting {} again", name);
            processor.start();
        }
    }

    private static void sleep() {
        sleep(100);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Claim(String owner, Instant at) {
    }
}
