package io.glimpse.api.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The live stream ({@code GET /api/stream}, docs/live-updates.md). The projections also read
 * {@code glimpse.stream.max-event-age} (default 2m): older events are not published.
 *
 * @param store           {@code memory} (one node; the embedded default) or {@code redis} (shared by every node)
 * @param maxPerUser      open streams one user may hold on a node; one more is refused with 429
 * @param heartbeat       how often an idle stream gets a comment line, so proxies keep it open
 * @param retention       how many of a user's latest events are kept for resuming
 * @param window          how long a user's log is kept after their last stream was seen
 * @param ticketTtl       how long a ticket from {@code POST /api/stream/tickets} can be used (once)
 * @param maxDuration     a stream is closed after this long; the client reconnects (and is authenticated again)
 * @param deliveryThreads threads that write events to streams, shared by every stream of the node
 * @param redisKeyPrefix  prefix of the Redis keys and of the wake-up channel
 */
@ConfigurationProperties("glimpse.stream")
record StreamProperties(@DefaultValue("memory") String store,
                        @DefaultValue("5") int maxPerUser,
                        @DefaultValue("20s") Duration heartbeat,
                        @DefaultValue("256") int retention,
                        @DefaultValue("10m") Duration window,
                        @DefaultValue("30s") Duration ticketTtl,
                        @DefaultValue("15m") Duration maxDuration,
                        @DefaultValue("8") int deliveryThreads,
                        @DefaultValue("glimpse:stream:") String redisKeyPrefix) {
}
