package io.glimpse.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch stopped and started again under a search load, with the elasticsearch profile:
 * while it is down every search answers 503 problem+json with Retry-After (never a 500, never a
 * 200 with fewer results), and once it is back every search has its full results again.
 */
final class ElasticsearchOutageScenario {

    private static final int AUTHORS = 5;
    private static final int POSTS_EACH = 8;
    private static final long DOWN_SECONDS = 10;

    private final Report report;

    ElasticsearchOutageScenario(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        report.line("## Elasticsearch stopped and started under search load");
        report.line("");
        try (PrivateElasticsearch elasticsearch = new PrivateElasticsearch();
             GlimpseJar jar = new GlimpseJar("elasticsearch", List.of("--spring.profiles.active=elasticsearch",
                     "--spring.elasticsearch.uris=" + elasticsearch.uri()))) {
            jar.start();
            Http http = new Http(jar.port());
            String admin = Ledger.user(Ledger.signUp(http, GlimpseJar.ADMIN)).token();
            Ledger ledger = new Ledger();
            WriteLoad.seed(http, ledger, "searched", AUTHORS);
            int post = 0;
            for (Ledger.User author : ledger.users()) {
                for (int i = 0; i < POSTS_EACH; i++, post++) {
                    Http.Answer answer = http.send("POST", "/api/posts", author.token(),
                            Map.of("caption", "Searchable " + post + " #tag" + post % WriteLoad.TAGS));
                    if (answer.status() != 201) {
                        throw new IllegalStateException(answer.describe());
                    }
                }
            }
            new ReadModels(http, admin, null).awaitCaughtUp(120);
            Map<Integer, List<String>> expected = new HashMap<>();
            for (int tag = 0; tag < WriteLoad.TAGS; tag++) {
                expected.put(tag, ids(search(http, tag)));
            }
            report.line(AUTHORS * POSTS_EACH + " posts over " + WriteLoad.TAGS + " tags in a private Elasticsearch node; "
                    + "4 clients search a random tag with a 5 ms pause, each answer compared with the results before; "
                    + "the node is stopped (SIGTERM) and started again on its data " + DOWN_SECONDS + " s later.");
            report.line("");
            List<Integer> tags = List.copyOf(expected.keySet());
            long downNanos;
            long upNanos;
            long fullNanos;
            ReadLoad load = new ReadLoad(http, ReadLoad.of(tags, tag -> search(http, tag),
                    (tag, answer) -> ids(answer).equals(expected.get(tag))), 4).start();
            try {
                Thread.sleep(2_000);
                elasticsearch.stop();
                downNanos = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(DOWN_SECONDS));
                int refusedWhileDown = load.statuses().getOrDefault(503, 0);
                elasticsearch.start();
                upNanos = System.nanoTime();
                fullNanos = awaitFullResults(http, expected, upNanos);
                Thread.sleep(2_000);
                report.check(refusedWhileDown > 0, "no search was refused while Elasticsearch was down: " + load.statuses());
            } finally {
                load.close();
            }
            report.line("| figure | value |");
            report.line("|---|---|");
            report.line("| searches during the run | " + (load.complete() + load.incomplete()) + " full, "
                    + load.incomplete() + " of them incomplete; answers by status: " + load.statuses() + " |");
            report.line("| node started again (ready) after | " + TimeUnit.NANOSECONDS.toMillis(upNanos - downNanos) + " ms |");
            report.line("| full results for every tag, after the node was ready | "
                    + TimeUnit.NANOSECONDS.toMillis(Math.max(0, fullNanos - upNanos)) + " ms |");
            report.line("| last failed search after the node was ready | " + (load.lastErrorNanos() > upNanos
                    ? TimeUnit.NANOSECONDS.toMillis(load.lastErrorNanos() - upNanos) + " ms" : "none") + " |");
            report.line("");
            report.check(load.unclean().isEmpty(), "searches that did not fail cleanly (503 problem+json with Retry-After): "
                    + load.unclean().subList(0, Math.min(5, load.unclean().size())) + " (" + load.unclean().size() + ")");
            report.check(load.incomplete() == 0, load.incomplete() + " searches answered 200 with incomplete results");
        }
    }

    /** The first moment every tag's search gives its full results. */
    private static long awaitFullResults(Http http, Map<Integer, List<String>> expected, long since) {
        long deadline = since + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (expected.entrySet().stream().allMatch(tag -> {
                Http.Answer answer = search(http, tag.getKey());
                return answer.status() == 200 && ids(answer).equals(tag.getValue());
            })) {
                return System.nanoTime();
            }
            Processes.sleep(50);
        }
        throw new IllegalStateException("Search results were not complete within 3 minutes of Elasticsearch's restart");
    }

    private static Http.Answer search(Http http, int tag) {
        return http.send("GET", "/api/search/posts?q=%23tag" + tag + "&limit=100", null, null);
    }

    private static List<String> ids(Http.Answer answer) {
        return answer.status() == 200 ? answer.items().stream().map(item -> (String) item.get("id")).toList() : List.of();
    }
}
