package io.glimpse.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Elasticsearch node a split deployment's query nodes share (each query node's own Lucene
 * index would hold only what its segments wrote): the test suite's node on {@code GLIMPSE_ES_PORT}
 * when it answers, with index names of this run's own, else a private node. The run's indices are
 * deleted afterwards.
 */
final class ClusterSearch implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PrivateElasticsearch own;
    final String uri;
    final String prefix = "cluster-" + System.currentTimeMillis() + "-";

    ClusterSearch() throws IOException {
        String shared = "http://127.0.0.1:" + System.getenv().getOrDefault("GLIMPSE_ES_PORT", "9200");
        own = status("GET", shared + "/_cluster/health") == 200 ? null : new PrivateElasticsearch();
        uri = own == null ? shared : own.uri();
    }

    @Override
    public void close() throws IOException {
        if (own != null) {
            own.close();
            return;
        }
        String indices = body(uri + "/_cat/indices/" + prefix + "*?h=index");
        for (String index : indices.split("\\s+")) {
            if (index.startsWith(prefix)) {
                status("DELETE", uri + "/" + index);
            }
        }
    }

    private static int status(String method, String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
