package io.glimpse.api.search;

import io.glimpse.adapters.search.SearchProperties;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Search with the elasticsearch profile, against the Elasticsearch 9.2.0 that
 * scripts/ensure-elasticsearch.sh starts (127.0.0.1:$GLIMPSE_ES_PORT, default 9200), under index
 * names of this context's own; events and read models in H2.
 */
@EmbeddedGlimpse
@ActiveProfiles("elasticsearch")
@TestPropertySource(properties = {
        "spring.elasticsearch.uris=http://127.0.0.1:${GLIMPSE_ES_PORT:9200}",
        "glimpse.search.index-prefix=test-api-${random.uuid}-"})
@Import(SearchApiOnElasticsearchTest.DeleteIndicesAtTheEnd.class)
class SearchApiOnElasticsearchTest extends SearchApiContract {

    @Autowired
    ElasticsearchTemplate template;
    @Autowired
    SearchProperties properties;

    @Override
    protected void loseTheIndex() {
        deleteIndices(template, properties.indexPrefix());
    }

    static void deleteIndices(ElasticsearchTemplate template, String prefix) {
        template.indexOps(IndexCoordinates.of(prefix + "*")).getAliasesForIndex(prefix + "*").keySet()
                .forEach(index -> template.indexOps(IndexCoordinates.of(index)).delete());
    }

    /** Leaves the shared Elasticsearch as it found it when the application context closes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DeleteIndicesAtTheEnd {

        @Bean
        DisposableBean deleteTestIndices(ElasticsearchTemplate template, SearchProperties properties) {
            return () -> deleteIndices(template, properties.indexPrefix());
        }
    }
}
