package io.glimpse.processing.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code glimpse.role}: {@code all} (the default), {@code command} or {@code query}. */
@ConfigurationProperties("glimpse")
public record NodeRole(@DefaultValue("all") Role role) {
}
