package io.glimpse.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server asked of PostgreSQL during a run, from pg_stat_statements (loaded by the
 * benchmark's own cluster): statements and their execution time per request. Steadier than
 * requests/s on a machine whose two cores are shared, and what a change that saves a query shows.
 * Statements of this class and of the benchmark's own checks are left out.
 */
final class PostgresStatements {

    static final String LIBRARY = "shared_preload_libraries=pg_stat_statements";
    private static final String OURS = "query not like '%pg_stat_statements%'";

    private final String jdbcUrl;

    PostgresStatements(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        execute("create extension if not exists pg_stat_statements");
    }

    void reset() {
        execute("select pg_stat_statements_reset()");
    }

    /** Statements since the reset, per request: how many, and their execution time in ms. */
    Totals totals(long requests) {
        try (Connection connection = connect(); var rows = connection.createStatement().executeQuery(
                "select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements where " + OURS)) {
            rows.next();
            long divisor = Math.max(1, requests);
            return new Totals((double) rows.getLong(1) / divisor, rows.getDouble(2) / divisor);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements run most often since the reset, as table rows: calls a request, mean ms, the statement. */
    List<String> mostRun(int limit, long requests) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); var result = connection.createStatement().executeQuery(
                "select calls, mean_exec_time, regexp_replace(left(query, 140), '\\s+', ' ', 'g') from pg_stat_statements"
                        + " where " + OURS + " order by calls desc limit " + limit)) {
            while (result.next()) {
                rows.add(String.format("| %.2f | %.3f | `%s` |", (double) result.getLong(1) / Math.max(1, requests),
                        result.getDouble(2), result.getString(3).replace("|", "\\|")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    record Totals(double statements, double millis) {

        String text() {
            return String.format("%.1f | %.2f", statements, millis);
        }
    }

    private void execute(String sql) {
        try (Connection connection = connect()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
