package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import io.glimpse.query.search.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.glimpse.query.search.IndexChange.PutPost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract against a real Elasticsearch 9.2.0 (the minimal distribution that
 * scripts/ensure-elasticsearch.sh starts) on 127.0.0.1:$GLIMPSE_ES_PORT (default 9200), under
 * index names of this test's own.
 */
class ElasticsearchSearchIndexTest extends SearchIndexContract {

    static final String URL = "http://127.0.0.1:" + System.getenv().getOrDefault("GLIMPSE_ES_PORT", "9200");
    private static Rest5Client rest;
    private static ElasticsearchTemplate template;
    private final String prefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @BeforeAll
    static void connect() {
        rest = Rest5Client.builder(URI.create(URL)).build();
        template = new ElasticsearchTemplate(new ElasticsearchClient(new Rest5ClientTransport(rest,
                new Jackson3JsonpMapper())));
    }

    @AfterAll
    static void disconnect() throws IOException {
        rest.close();
    }

    @Override
    SearchIndex newIndex() {
        return new ElasticsearchSearchIndex(template, prefix, Duration.ZERO);
    }

    @Override
    void loseEverything() {
        ((ElasticsearchSearchIndex) newIndex()).deleteEverything();
    }

    @AfterEach
    void cleanUp() {
        loseEverything();
    }

    @Test
    void indexNamesAreVersionedBehindAliases() {
        post(ann, "first generation", 1);
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts-v1")).exists()).isTrue();
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts-v1")).getAliasesForIndex(prefix + "posts-v1"))
                .containsKey(prefix + "posts-v1");

        index.beginRebuild();
        index.completeRebuild();
        index.dropRetiredGenerations();

        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts-v2")).exists()).isTrue();
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "users-v2")).exists()).isTrue();
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts-v1")).exists()).isFalse();
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts")).getAliasesForIndex(prefix + "posts-v2")
                .get(prefix + "posts-v2")).extracting(alias -> alias.getAlias()).containsExactly(prefix + "posts");
    }

    @Test
    void anUnreachableClusterMakesSearchesFailAsUnavailable() throws IOException {
        try (Rest5Client nowhere = Rest5Client.builder(URI.create("http://127.0.0.1:1")).build()) {
            SearchIndex unreachable = new ElasticsearchSearchIndex(new ElasticsearchTemplate(new ElasticsearchClient(
                    new Rest5ClientTransport(nowhere, new Jackson3JsonpMapper()))), prefix, Duration.ZERO);
            assertThatCode(() -> search("anything", java.util.Set.of()))
                    .as("the reachable one still answers").doesNotThrowAnyException();
            assertThatThrownBy(() -> unreachable.searchPosts(new SearchIndex.PostSearch(SearchTerms.parse("anything"),
                    java.util.Set.of(), 0, 10))).isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> unreachable.suggestUsers("ann", java.util.Set.of(), 10))
                    .isInstanceOf(SearchUnavailableException.class);
        }
    }

    @Test
    void aWriteAfterTheIndexWasDeletedFailsInsteadOfCreatingAnIndexWithAGuessedMapping() {
        loseEverything();
        assertThatThrownBy(() -> index.apply(List.of(new PutPost(UUID.randomUUID(), ann, "lost", List.of(), T0))))
                .isInstanceOf(RuntimeException.class);
        assertThat(template.indexOps(IndexCoordinates.of(prefix + "posts")).exists()).isFalse();
    }
}
