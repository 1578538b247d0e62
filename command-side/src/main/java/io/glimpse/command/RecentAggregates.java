package io.glimpse.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The aggregates that commands touched last, kept in memory by Axon's caching repository, so that a
 * command on one of them (a like undone, a pair followed again, a caption edited twice) reads
 * neither its snapshot nor its events: loading was a third of a like's work (benchmark/README.md,
 * "Writes"). At most {@code glimpse.aggregates.cache-size} of them (default 10,000; Caffeine evicts
 * the least used; 0 turns it off).
 *
 * <p>Only on a node with role {@code all}. A copy is right only while this process alone writes
 * its aggregate: with several command nodes another one's write would leave it stale, and a
 * command that then decides nothing (liking what the copy says is liked already) would answer
 * success without the conflicting append that otherwise reveals a race. A failed command's
 * aggregate is evicted by Axon, so its retry loads from the store.
 */
@Configuration(proxyBeanMethods = false)
public class RecentAggregates {

    public static final String CACHE = "recentAggregatesCache";

    @Bean(CACHE)
    Cache recentAggregates(@Value("${glimpse.role:all}") String role,
                           @Value("${glimpse.aggregates.cache-size:10000}") long size) {
        return "all".equalsIgnoreCase(role) && size > 0 ? new Bounded(size) : NoCache.INSTANCE;
    }

    /**
     * Axon's cache interface over a size-bounded Caffeine map. Axon's own in-process cache holds
     * weak references, which a young collection clears before the aggregate is wanted again.
     */
    static final class Bounded implements Cache {

        private final Map<Object, Object> entries;

        Bounded(long size) {
            entries = Caffeine.newBuilder().maximumSize(size).build().asMap();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return key == null ? null : (V) entries.get(key);
        }

        /**
         * A command that creates its aggregate if missing but applies no event (undoing a like
         * never made) leaves an aggregate without an identifier, which Axon still offers here.
         * It exists nowhere, so there is nothing to keep.
         */
        @Override
        public void put(Object key, Object value) {
            if (key != null) {
                entries.put(key, value);
            }
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return key != null && entries.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean remove(Object key) {
            return key != null && entries.remove(key) != null;
        }

        @Override
        public void removeAll() {
            entries.clear();
        }

        @Override
        public boolean containsKey(Object key) {
            return key != null && entries.containsKey(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            if (key != null) {
                entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
            }
        }

        /** Axon's repositories never listen; nothing here would tell a listener of evictions. */
        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
        }
    }
}
