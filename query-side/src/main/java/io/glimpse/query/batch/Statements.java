package io.glimpse.query.batch;

import org.springframework.jdbc.core.JdbcOperations;

import java.util.List;

/** One SQL statement for many rows: nothing if there are none, one JDBC batch otherwise. */
public final class Statements {

    private Statements() {
    }

    /**
     * Runs {@code sql} once per argument list and returns the rows each run changed. A counted
     * statement must be one whose batches report them: PostgreSQL's driver folds a batch of plain
     * {@code insert ... values} into multi-row inserts that report none ({@code reWriteBatchedInserts}),
     * so an insert whose rows are counted is an {@code insert ... select}.
     */
    public static int[] run(JdbcOperations jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return rows.size() == 1 ? new int[]{jdbc.update(sql, rows.get(0))} : jdbc.batchUpdate(sql, rows);
    }

    /** The rows changed by the run at {@code index} of {@link #run}'s answer; fails if the database did not say. */
    public static int changed(int[] rows, int index, String sql) {
        if (rows[index] < 0) {
            throw new IllegalStateException("The database did not say how many rows changed: " + sql);
        }
        return rows[index];
    }
}
