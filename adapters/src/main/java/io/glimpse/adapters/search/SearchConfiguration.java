package io.glimpse.adapters.search;

import io.glimpse.query.search.SearchIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;

import java.nio.file.Path;

/** The search index {@code glimpse.search.engine} names: Lucene by default, Elasticsearch in production. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchIndex searchIndex(SearchProperties properties, @Value("${glimpse.data-dir}") Path dataDir,
                            ObjectProvider<ElasticsearchTemplate> elasticsearch) {
        return switch (properties.engine()) {
            case "lucene" -> new LuceneSearchIndex(dataDir.resolve("search"), properties.retiredGrace());
            case "elasticsearch" -> new ElasticsearchSearchIndex(elasticsearch.getObject(), properties.indexPrefix(),
                    properties.retiredGrace());
            default -> throw new IllegalStateException("glimpse.search.engine must be lucene or elasticsearch, not "
                    + properties.engine());
        };
    }
}
