package io.glimpse.processing.cluster;

import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where this node learns how far the processors are, by its role. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** Tokens are written by the token store with Axon's general serializer, the primary one. */
    @Bean
    StoredSegmentPositions storedSegmentPositions(JdbcClient jdbc, Serializer serializer) {
        return new StoredSegmentPositions(jdbc, serializer);
    }

    /** A node that runs every processor alone asks them; any other asks the token store. */
    @Bean
    @Primary
    SegmentPositions segmentPositions(NodeRole node, StoredSegmentPositions stored) {
        return node.role().seesEveryPosition() ? SegmentPositions.local() : stored;
    }
}
