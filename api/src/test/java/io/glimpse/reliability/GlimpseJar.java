package io.glimpse.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real application: api/target/glimpse.jar started as a separate JVM on a free port and a data
 * directory of its own, which a scenario can kill -9 and start again on the same data.
 */
final class GlimpseJar implements AutoCloseable {

    static final String ADMIN = "reliability_admin";
    static final Path JAR = Path.of(System.getProperty("glimpse.jar", "api/target/glimpse.jar"));

    /** Where each run's application log is kept after its data directory is gone. */
    static final Path LOGS = Path.of(System.getProperty("glimpse.reliability.logs", "api/target/reliability-logs"));

    private final String name;
    private final Path dataDir;
    private final List<String> settings;
    private final int port;
    private Process process;
    private int starts;

    /**
     * @param name     the scenario, naming the kept log
     * @param settings Spring properties as {@code --name=value}, on top of the ones every scenario needs
     */
    GlimpseJar(String name, List<String> settings) throws IOException {
        this.name = name;
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No " + JAR.toAbsolutePath() + ": build it first (./mvnw -DskipTests package)");
        }
        this.dataDir = Files.createTempDirectory("glimpse-reliability-app-");
        this.settings = settings;
        this.port = Processes.freePort();
    }

    /** With the postgres profile, on the private cluster's database. */
    static GlimpseJar onPostgres(String name, PrivatePostgres postgres, String... more) throws IOException {
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        settings.addAll(List.of(more));
        return new GlimpseJar(name, settings);
    }

    int port() {
        return port;
    }

    /** The running JVM's pid: with the host name, its name as the owner of token claims. */
    long pid() {
        return process.pid();
    }

    /** Starts the JVM and waits until it answers healthy; answers how long that took in ms. */
    long start() throws IOException {
        long began = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx768m", "-XX:+UseSerialGC",
                // C1 only: a start compiles less on two cores, and the scenarios measure no throughput.
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "--server.port=" + port, "--glimpse.data-dir=" + dataDir,
                "--glimpse.security.admin-usernames=" + ADMIN,
                "--glimpse.security.jwt-secret=reliability-suite-secret-of-at-least-32-bytes",
                "--glimpse.security.access-token-ttl=3h",
                "--glimpse.rate-limits.enabled=false",
                "--logging.level.root=WARN", "--logging.level.io.glimpse=INFO"));
        command.addAll(settings);
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        Http http = new Http(port);
        // Minutes, not seconds: starts took over six on a 2-core machine shared with other builds
        // (load average 25); 12-16 s on a quiet one.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Glimpse exited while starting:\n" + Processes.tail(log()));
            }
            if (http.send("GET", "/actuator/health", null, null).status() == 200) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            }
            Processes.sleep(250);
        }
        throw new IllegalStateException("Glimpse did not become healthy within 10 minutes:\n" + Processes.tail(log()));
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    Path log() {
        return dataDir.resolve("glimpse.log");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.createDirectories(LOGS);
            Files.copy(log(), LOGS.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("Could not keep the log of " + name + ": " + e);
        }
        Processes.deleteTree(dataDir);
    }
}
