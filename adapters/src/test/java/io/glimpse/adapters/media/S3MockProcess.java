package io.glimpse.adapters.media;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe's S3Mock as a separate JVM, serving plain HTTP on a free port. Its in-process modes would
 * start a second Spring Boot application on this classpath; as a process it is a real S3 endpoint
 * at arm's length, reached over HTTP like the real thing. The executable jar is put in place by
 * the build ({@code s3mock.jar}, see query-side/pom.xml).
 */
final class S3MockProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private S3MockProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static S3MockProcess start(Path workDir, String... initialBuckets) throws IOException, InterruptedException {
        String jar = System.getProperty("s3mock.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No S3Mock jar at " + jar + ": run the tests through Maven");
        }
        int port = freePort();
        Path log = workDir.resolve("s3mock.log");
        Path storeRoot = Files.createDirectories(workDir.resolve("store"));
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-jar", jar,
                "--http.port=" + port,
                "--server.port=0", // its HTTPS connector, which the tests do not use
                "--com.adobe.testing.s3mock.store.root=" + storeRoot,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", initialBuckets),
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3MockProcess s3Mock = new S3MockProcess(process, log, port);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        s3Mock.awaitListening();
        return s3Mock;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Listening means started: S3Mock opens its connectors after creating the initial buckets. */
    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not start within " + STARTUP + ":\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
