package io.glimpse.api.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Glimpse started as a process of its own (its heap, threads and CPU are its own, as in
 * production; it can be killed), from this JVM's classpath, with the log in its data directory;
 * and the HTTP calls benchmarks and tests make to it.
 */
public final class GlimpseProcess implements AutoCloseable {

    public static final String PASSWORD = "quiet lantern orbits the 7th harbour";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(30)).build();
    public final String base;
    public final Path dataDir;

    private GlimpseProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
        this.dataDir = dataDir;
    }

    /** Starts Glimpse with these JVM options and application arguments and waits until it answers. */
    public static GlimpseProcess start(Path dataDir, List<String> jvmOptions, List<String> arguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.glimpse.GlimpseApplication",
                "--server.port=" + port, "--glimpse.data-dir=" + dataDir, "--glimpse.rate-limits.enabled=false",
                "--glimpse.security.access-token-ttl=4h", "--logging.level.root=WARN"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("glimpse.log").toFile()).start();
        GlimpseProcess server = new GlimpseProcess(process, port, dataDir);
        server.awaitUp();
        return server;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitUp() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Glimpse stopped; see " + dataDir.resolve("glimpse.log"));
            }
            try {
                send("GET", "/actuator/health", null, null, 200);
                return;
            } catch (IllegalStateException e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("Glimpse did not start; see " + dataDir.resolve("glimpse.log"));
    }

    /** A new account: its access token and id. */
    public record Account(String token, String id, String username) {
    }

    public Account register(String username) {
        JsonNode answer = json(send("POST", "/api/auth/register", null, "{\"username\":\"" + username
                + "\",\"email\":\"" + username + "@bench.local\",\"password\":\"" + PASSWORD + "\"}", 201));
        return new Account(answer.path("accessToken").asString(), answer.path("user").path("id").asString(), username);
    }

    public String post(String token, String caption) {
        return json(send("POST", "/api/posts", token, "{\"caption\":\"" + caption + "\"}", 201)).path("id").asString();
    }

    public JsonNode get(String path, String token) {
        return json(send("GET", path, token, null, 200));
    }

    /** A streamed answer (the event history), for the caller to read line by line and close. */
    public InputStream stream(String path, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer.statusCode());
        }
        return answer.body();
    }

    public String send(String method, String path, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Ends it at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
