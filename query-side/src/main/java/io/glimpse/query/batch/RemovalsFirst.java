package io.glimpse.query.batch;

import org.springframework.jdbc.core.JdbcOperations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A batch's additions to a table and removals from it, reduced so that the removals can all go
 * first: a removal takes back the batch's own additions before it here, in memory, and in SQL
 * only rows written before the batch; an addition after it stays, since the removals have run by
 * then. That is what applying them one by one in event order would give, for any sequence: add,
 * remove, add again leaves the second addition. Removals are one JDBC batch per statement.
 *
 * @param <K> what identifies an addition, to take one back without a scan
 * @param <A> an addition
 */
public final class RemovalsFirst<K, A> {

    private final Map<K, A> additions = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> removals = new LinkedHashMap<>();

    /** An addition; a later one with the same key replaces it. */
    public void add(K key, A addition) {
        additions.remove(key);
        additions.put(key, addition);
    }

    /** A removal of the row {@code key} names: {@code sql} with {@code parameters} removes it if written before. */
    public void remove(K key, String sql, Object... parameters) {
        additions.remove(key);
        removals.computeIfAbsent(sql, statement -> new ArrayList<>()).add(parameters);
    }

    /** A removal of every row {@code removes} matches (a scan of the batch's additions). */
    public void removeAll(Predicate<A> removes, String sql, Object... parameters) {
        additions.values().removeIf(removes);
        removals.computeIfAbsent(sql, statement -> new ArrayList<>()).add(parameters);
    }

    /** Runs the removals and returns the additions left, in the order they came. */
    public Collection<A> removeThenAdditions(JdbcOperations jdbc) {
        removals.forEach((sql, parameters) -> Statements.run(jdbc, sql, parameters));
        return additions.values();
    }
}
