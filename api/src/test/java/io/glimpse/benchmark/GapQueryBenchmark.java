package io.glimpse.benchmark;

import io.glimpse.reliability.PrivatePostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * What a tracking processor's fetch costs when its token has gaps, as the event table grows:
 * Axon's one query ({@code global_index > ? or global_index in (...)}) against the two that
 * {@code TunedJpaEventStorageEngine} sends (the range, then the gaps), on H2 with the embedded
 * default's settings and on PostgreSQL (a cluster of its own), there both before the table was
 * ever analysed and after. Each fetch asks for up to 100 events after a token 50 below the head,
 * with two gaps. Writes a Markdown table to the file named by the first argument.
 * Options (system properties): runs (timed fetches a case, default 200).
 */
public final class GapQueryBenchmark {

    private static final int RUNS = Integer.getInteger("runs", 200);
    private static final int[] ROWS = {10_000, 100_000, 1_000_000};
    private static final String COLUMNS = "global_index, payload";
    private static final String ONE_QUERY = "select " + COLUMNS + " from domain_event_entry"
            + " where global_index > ? or global_index in (?, ?) order by global_index fetch first 100 rows only";
    private static final String RANGE = "select " + COLUMNS + " from domain_event_entry"
            + " where global_index > ? order by global_index fetch first 100 rows only";
    private static final String GAPS = "select " + COLUMNS + " from domain_event_entry"
            + " where global_index in (?, ?) order by global_index fetch first 100 rows only";

    private GapQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder report = new StringBuilder("# A processor's fetch with gaps\n\nRun " + Instant.now() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; mean of " + RUNS + " fetches after 50 unmeasured,"
                + " each up to 100 events after a token 50 below the head with two gaps; rows of about 200 bytes.\n\n"
                + "| database | events | Axon's one query (ms) | the range, then the gaps (ms) |\n|---|---|---|---|\n");
        for (int rows : ROWS) {
            try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:gaps" + rows
                    + ";MODE=LEGACY;OPTIMIZE_REUSE_RESULTS=FALSE")) {
                fill(h2, rows);
                report.append(line("H2 (the embedded default's settings)", h2, rows));
            }
        }
        try (PrivatePostgres postgres = new PrivatePostgres()) {
            for (int rows : ROWS) {
                try (Connection pg = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                    fill(pg, rows);
                    report.append(line("PostgreSQL, table never analysed", pg, rows));
                    try (Statement statement = pg.createStatement()) {
                        statement.execute("analyze domain_event_entry");
                    }
                    report.append(line("PostgreSQL, analysed", pg, rows));
                }
            }
        }
        Files.writeString(Path.of(args[0]), report);
        System.out.println(report);
    }

    private static void fill(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists domain_event_entry");
            statement.execute("create table domain_event_entry (global_index bigint primary key, payload varchar(200))");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry values (?, ?)")) {
            for (long index = 1; index <= rows; index++) {
                insert.setLong(1, index);
                insert.setString(2, "x".repeat(200));
                insert.addBatch();
                if (index % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String line(String database, Connection connection, int rows) throws SQLException {
        long token = rows - 50;
        double one = millis(connection, ONE_QUERY, token, token - 3, token - 7);
        double two = millis(connection, RANGE, token) + millis(connection, GAPS, token - 3, token - 7);
        return String.format("| %s | %,d | %.3f | %.3f |%n", database, rows, one, two);
    }

    private static double millis(Connection connection, String sql, long... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setLong(i + 1, parameters[i]);
            }
            for (int i = 0; i < 50; i++) {
                drain(query);
            }
            long start = System.nanoTime();
            for (int i = 0; i < RUNS; i++) {
                drain(query);
            }
            return (System.nanoTime() - start) / 1e6 / RUNS;
        }
    }

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                result.getBytes(2);
            }
        }
    }
}
