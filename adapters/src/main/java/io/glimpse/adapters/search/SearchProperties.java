package io.glimpse.adapters.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code glimpse.search.*}.
 *
 * @param engine        {@code lucene} (the embedded default: files under {@code <data-dir>/search}) or
 *                      {@code elasticsearch} (the {@code elasticsearch} profile; the server is
 *                      {@code spring.elasticsearch.uris})
 * @param indexPrefix   start of every Elasticsearch index and alias name, so that several
 *                      deployments (or tests) can share a cluster
 * @param guardInterval how often the index is checked for loss and a rebuild for completion
 * @param retiredGrace  how long a generation replaced by a rebuild is kept before it is deleted,
 *                      for searches that began on it just before the swap
 */
@ConfigurationProperties("glimpse.search")
public record SearchProperties(@DefaultValue("lucene") String engine,
                               @DefaultValue("glimpse-") String indexPrefix,
                               @DefaultValue("2s") Duration guardInterval,
                               @DefaultValue("10s") Duration retiredGrace) {
}
