package io.glimpse.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An Elasticsearch node of its own, on free ports and a temporary work directory, started and
 * stopped by the project's scripts (scripts/ensure-elasticsearch.sh, scripts/stop-elasticsearch.sh),
 * so that a scenario may stop it without touching the shared node on 9200. A restart keeps its data.
 */
final class PrivateElasticsearch implements AutoCloseable {

    private final Path work;
    private final Path log;
    private final int port;
    private final int transportPort;
    private boolean started;

    PrivateElasticsearch() throws IOException {
        work = Files.createTempDirectory("glimpse-reliability-es-");
        log = Files.createTempFile("glimpse-reliability-es-", ".log");
        port = Processes.freePort();
        transportPort = Processes.freePort();
        run("scripts/ensure-elasticsearch.sh", false);
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    void stop() {
        run("scripts/stop-elasticsearch.sh", true);
        started = false;
    }

    /** Starts the node again on its data. */
    void start() {
        run("scripts/ensure-elasticsearch.sh", true);
    }

    private void run(String script, boolean keepData) {
        try {
            ProcessBuilder command = new ProcessBuilder(script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = command.environment();
            environment.put("GLIMPSE_ES_PORT", Integer.toString(port));
            environment.put("GLIMPSE_ES_TRANSPORT_PORT", Integer.toString(transportPort));
            environment.put("GLIMPSE_ES_WORK", work.toString());
            environment.put("GLIMPSE_ES_KEEP_DATA", keepData ? "1" : "0");
            int exit = command.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(script + " exited with " + exit + ":\n" + Processes.tail(log));
            }
            started = script.contains("ensure");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (started) {
            stop();
        }
        Processes.deleteTree(work);
        Files.deleteIfExists(log);
    }
}
