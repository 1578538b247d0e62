package io.glimpse.query.batch;

import org.springframework.jdbc.core.JdbcOperations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's counter moves, summed per counter and row, written last as one JDBC batch per counter:
 * the likes a post gets in a batch are one update.
 */
public final class CounterMoves {

    private final Map<Counter, Map<UUID, Long>> moves = new LinkedHashMap<>();

    public void add(Counter counter, UUID id, long delta) {
        if (delta != 0) {
            moves.computeIfAbsent(counter, c -> new LinkedHashMap<>()).merge(id, delta, Long::sum);
        }
    }

    public void write(JdbcOperations jdbc) {
        moves.forEach((counter, rows) -> Statements.run(jdbc, counter.update(), rows.entrySet().stream()
                .filter(row -> row.getValue() != 0)
                .map(row -> new Object[]{row.getValue(), row.getKey()})
                .toList()));
        moves.clear();
    }
}
