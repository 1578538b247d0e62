package io.glimpse.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the event processors run (prefix {@code glimpse.processors}).
 *
 * @param batchSize   at most this many events per transaction while a processor catches up or
 *                    replays; live traffic forms smaller batches
 * @param stopTimeout how long stopping a processor (for a replay, or at shutdown) waits for its
 *                    batch to finish before Axon interrupts the thread
 */
@ConfigurationProperties("glimpse.processors")
public record ProcessorProperties(@DefaultValue("1000") int batchSize,
                                  @DefaultValue("10m") Duration stopTimeout) {
}
