package io.glimpse.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A redis-server of its own on a free port, without persistence (as on the project's machines),
 * so that a scenario may wipe it without touching the shared one on 6379.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path log;
    private final Process process;

    PrivateRedis() throws IOException {
        port = Processes.freePort();
        log = Files.createTempFile("glimpse-reliability-redis-", ".log");
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100 && !"PONG".equals(cli("ping")); i++) {
            Processes.sleep(100);
        }
        if (!"PONG".equals(cli("ping"))) {
            throw new IllegalStateException("redis-server did not answer on " + port + ":\n" + Processes.tail(log));
        }
    }

    int port() {
        return port;
    }

    /** One redis-cli command's answer, trimmed. */
    String cli(String... arguments) {
        List<String> command = Processes.command("redis-cli", "-p", Integer.toString(port));
        command.addAll(List.of(arguments));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String answer = new String(cli.getInputStream().readAllBytes()).trim();
            cli.waitFor();
            return answer;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
