package io.glimpse.processing.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the nodes of one deployment share the event processors (prefix {@code glimpse.cluster};
 * the role itself is {@code glimpse.role}, {@link NodeRole}).
 *
 * @param threads            most segments of one processor this node works on at once; at least one
 *                           more than the segments it may ever hold, so that it takes over the
 *                           segments of a dead node and the launcher thread never works one itself
 *                           (AxonFramework#2848)
 * @param segments           initial segment count per processor name (1 when not listed); only takes
 *                           effect when the processor has no tokens yet, later use the admin API's split
 * @param splittable         the processors that may have more than one segment. Axon gives each
 *                           segment the events of some aggregates; a processor whose read model joins
 *                           events of several aggregates (a like needs its post's row, a follow two
 *                           profiles' counters) would see them out of order across segments, so only
 *                           processors that handle each aggregate on its own are listed. The others
 *                           are spread over the nodes as whole processors.
 * @param tokenClaimInterval how often a node with a free thread looks for unclaimed segments
 * @param balanceInterval    how often a node compares its share of segments with the other live
 *                           nodes' and releases one when it holds more than its share
 * @param pollInterval       on a command or query node, how often a processor with nothing to do asks
 *                           the event store for events other nodes stored (one indexed query per
 *                           segment at work); an all node is woken by its own commits instead
 * @param pauseLease         the longest a replay or split may keep a processor paused on the other
 *                           nodes (a node that died while holding the pause frees it after this)
 * @param followInterval     how often a node looks for pauses other nodes asked for
 */
@ConfigurationProperties("glimpse.cluster")
public record ClusterProperties(@DefaultValue("2") int threads,
                                Map<String, Integer> segments,
                                @DefaultValue({"media-worker", "welcome-mail"}) List<String> splittable,
                                @DefaultValue("5s") Duration tokenClaimInterval,
                                @DefaultValue("5s") Duration balanceInterval,
                                @DefaultValue("20ms") Duration pollInterval,
                                @DefaultValue("5m") Duration pauseLease,
                                @DefaultValue("500ms") Duration followInterval) {

    public ClusterProperties {
        segments = segments == null ? Map.of() : Map.copyOf(segments);
        splittable = List.copyOf(splittable);
        for (var entry : segments.entrySet()) {
            if (entry.getValue() > 1 && !splittable.contains(entry.getKey())) {
                throw new IllegalArgumentException("glimpse.cluster.segments." + entry.getKey()
                        + ": that processor is not in glimpse.cluster.splittable and must keep one segment");
            }
            if (entry.getValue() < 1 || entry.getValue() > threads - 1) {
                throw new IllegalArgumentException("glimpse.cluster.segments." + entry.getKey()
                        + " must be between 1 and glimpse.cluster.threads - 1 (" + (threads - 1) + ")");
            }
        }
        if (threads < 2) {
            throw new IllegalArgumentException("glimpse.cluster.threads must be at least 2 (AxonFramework#2848)");
        }
    }

    /**
     * The heartbeat time ({@code cluster_node.seen_at}, epoch millis) a node must have beaten
     * since, at {@code nowMillis}, to count as alive: three balance intervals.
     */
    long aliveSince(long nowMillis) {
        return nowMillis - 3 * balanceInterval.toMillis();
    }

    /**
     * This node's name: the owner Axon's token store writes on its claims (the JVM's pid@host), so
     * that pauses and heartbeats name a node as its claims do.
     */
    public String nodeId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
