package io.glimpse.processing.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the processors' segments over the nodes that run projections. A tracking processor
 * claims every free segment it has a thread for, so the first query node to start would hold them
 * all and the others would only wait for it to die. Each node heartbeats into
 * {@code cluster_node}; one that holds more segments than its fair share (all segments over the
 * nodes seen within three balance intervals, rounded up) releases the excess for two intervals,
 * and the other nodes' processors claim them within their token claim interval.
 */
@Component
@RunsProjections
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final ClusterProperties cluster;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcClient jdbc, ClusterProperties cluster) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    @Scheduled(fixedDelayString = "${glimpse.cluster.balance-interval:5s}")
    void balance() {
        long now = System.currentTimeMillis();
        if (jdbc.sql("update cluster_node set seen_at = ? where node_id = ?").param(now).param(cluster.nodeId()).update() == 0) {
            jdbc.sql("insert into cluster_node (node_id, seen_at) values (?, ?)").param(cluster.nodeId()).param(now).update();
        }
        long interval = cluster.balanceInterval().toMillis();
        int nodes = jdbc.sql("select count(*) from cluster_node where seen_at >= ?").param(cluster.aliveSince(now))
                .query(Integer.class).single();
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .sorted(Comparator.comparingInt((StreamingEventProcessor processor) -> processor.processingStatus().size()).reversed())
                .toList();
        int total = jdbc.sql("select count(*) from token_entry").query(Integer.class).single();
        int fair = (total + Math.max(1, nodes) - 1) / Math.max(1, nodes);
        int excess = processors.stream().mapToInt(processor -> processor.processingStatus().size()).sum() - fair;
        for (StreamingEventProcessor processor : processors) {
            for (Integer segment : List.copyOf(processor.processingStatus().keySet())) {
                if (excess-- <= 0) {
                    return;
                }
                log.info("Releasing segment {} of {} to another node ({} nodes, {} segments)", segment, processor.getName(), nodes, total);
                processor.releaseSegment(segment, 2 * interval, TimeUnit.MILLISECONDS);
            }
        }
    }
}
