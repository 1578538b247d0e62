package io.glimpse.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own (initdb into a temporary directory, on a free port, socket in
 * that directory), so that a scenario may stop and restart it without touching the shared one on
 * 5432. Runs as the {@code postgres} OS user when this process is root (PostgreSQL refuses root).
 */
public final class PrivatePostgres implements AutoCloseable {

    static final String DATABASE = "glimpse";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final Path log;
    private final String settings;

    /** {@code settings}: server settings for every start, such as {@code shared_preload_libraries=pg_stat_statements}. */
    public PrivatePostgres(String... settings) throws IOException {
        this.settings = Arrays.stream(settings).map(setting -> " -c " + setting).collect(Collectors.joining());
        bin = binaries();
        port = Processes.freePort();
        dir = Files.createTempDirectory("glimpse-reliability-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        log = dir.resolve("server.log");
        if (Processes.isRoot()) {
            Processes.run(Processes.command("chown", "postgres:", dir.toString()), dir.resolveSibling(dir.getFileName() + ".log"));
        }
        Path data = dir.resolve("data");
        asOwner("initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        start();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            connection.createStatement().execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout), else what is on the PATH. */
    private static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        return Path.of("");
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public void start() {
        asOwner("pg_ctl", "-D", dir.resolve("data").toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=60" + settings, "start");
    }

    /** Stops it at once, as a crash would (recovery from the write-ahead log at the next start). */
    public void stopImmediately() {
        asOwner("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private void asOwner(String program, String... arguments) {
        List<String> command = Processes.command(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        if (Processes.isRoot()) {
            command.addAll(0, List.of("runuser", "-u", "postgres", "--"));
        }
        Processes.run(command, dir.resolveSibling(dir.getFileName() + ".log"), dir);
    }

    @Override
    public void close() {
        try {
            asOwner("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            // already stopped
        }
        Processes.deleteTree(dir);
        try {
            Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".log"));
        } catch (IOException e) {
            // a leftover log in the temporary directory is harmless
        }
    }
}
