package io.glimpse.processing.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Read-your-writes (prefix {@code glimpse.consistency}).
 *
 * @param timeout how long a write waits for the read models it affects before answering anyway
 */
@ConfigurationProperties("glimpse.consistency")
public record ConsistencyProperties(@DefaultValue("5s") Duration timeout) {
}
