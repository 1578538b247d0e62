package io.glimpse.adapters.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;
import org.springframework.data.elasticsearch.core.document.Document;
import org.springframework.data.elasticsearch.core.index.AliasAction;
import org.springframework.data.elasticsearch.core.index.AliasActionParameters;
import org.springframework.data.elasticsearch.core.index.AliasActions;
import org.springframework.data.elasticsearch.core.index.AliasData;
import org.springframework.data.elasticsearch.core.mapping.IndexCoordinates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Elasticsearch index's generations: per generation {@code n} two indices,
 * {@code <prefix>posts-v<n>} and {@code <prefix>users-v<n>}. Reads go through the aliases
 * {@code <prefix>posts} and {@code <prefix>users}, which name the live generation; writes go
 * through {@code <prefix>posts-building} and {@code <prefix>users-building} while a generation is
 * being built, else through the live aliases. Every change of aliases is one atomic
 * {@code _aliases} request, so a reader sees either the old generation or the new one.
 */
final class ElasticsearchGenerations implements Generations {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGenerations.class);
    /** One shard: every query is exact (counts, aggregations) and a node needs no replica. */
    private static final Map<String, Object> SETTINGS = Map.of("index.number_of_shards", 1,
            "index.number_of_replicas", 0);

    private final ElasticsearchTemplate template;
    private final String prefix;
    private final Pattern indexName;
    private final Document postsMapping = mapping("posts");
    private final Document usersMapping = mapping("users");
    /** The generations as last read from Elasticsearch: whether one is being built is asked on every event. */
    private volatile State known;
    /** How long a replaced generation is kept for searches that began before the swap. */
    private final Duration retiredGrace;
    private volatile long lastSwapNanos;

    ElasticsearchGenerations(ElasticsearchTemplate template, String prefix, Duration retiredGrace) {
        this.template = template;
        this.prefix = prefix;
        this.retiredGrace = retiredGrace;
        this.lastSwapNanos = System.nanoTime() - retiredGrace.toNanos();
        this.indexName = Pattern.compile(Pattern.quote(prefix) + "(posts|users)-v(\\d+)");
    }

    String postsAlias() {
        return prefix + "posts";
    }

    String usersAlias() {
        return prefix + "users";
    }

    /** Where writes go: the aliases of the generation being built, else the live ones. */
    Target writeTarget() {
        State state = known != null ? known : state();
        if (state.building() == null) {
            return new Target(postsAlias(), usersAlias(), false);
        }
        return new Target(prefix + "posts-building", prefix + "users-building", !state.building().equals(state.live()));
    }

    /**
     * @param unseen true when no read sees these indices (a generation being built beside a live
     *               one): writes to it need not be refreshed one by one
     */
    record Target(String posts, String users, boolean unseen) {
    }

    @Override
    public boolean isIntact() {
        return state().live() != null;
    }

    @Override
    public boolean isRebuilding() {
        State state = known != null ? known : state();
        return state.building() != null;
    }

    @Override
    public synchronized void initialize() {
        State state = state();
        if (state.live() != null) {
            return;
        }
        int generation = create(state);
        alias(List.of(add(generation, "posts", postsAlias()), add(generation, "users", usersAlias())));
        state();
    }

    @Override
    public synchronized void beginRebuild() {
        State state = state();
        int generation = create(state);
        List<AliasAction> actions = new ArrayList<>();
        Integer old = state.building();
        if (old != null) {
            actions.add(remove(old, "posts", prefix + "posts-building"));
            actions.add(remove(old, "users", prefix + "users-building"));
        }
        actions.add(add(generation, "posts", prefix + "posts-building"));
        actions.add(add(generation, "users", prefix + "users-building"));
        if (state.live() == null) {
            // The live index was lost: the new one answers at once and fills up as the replay goes.
            actions.add(add(generation, "posts", postsAlias()));
            actions.add(add(generation, "users", usersAlias()));
        }
        alias(actions);
        state();
        if (old != null && !old.equals(state.live())) {
            delete(old); // nobody reads a generation that was being built
        }
        log.info("Rebuilding the search index into generation {} ({}posts-v{})", generation, prefix, generation);
    }

    @Override
    public synchronized void completeRebuild() {
        State state = state();
        Integer built = state.building();
        if (built == null) {
            return;
        }
        List<AliasAction> actions = new ArrayList<>();
        actions.add(remove(built, "posts", prefix + "posts-building"));
        actions.add(remove(built, "users", prefix + "users-building"));
        if (!built.equals(state.live())) {
            template.indexOps(IndexCoordinates.of(index(built, "posts"), index(built, "users"))).refresh();
            actions.add(add(built, "posts", postsAlias()));
            actions.add(add(built, "users", usersAlias()));
            state.liveIndices().forEach(index -> actions.add(new AliasAction.Remove(AliasActionParameters.builder()
                    .withIndices(index).withAliases(index.contains("posts-v") ? postsAlias() : usersAlias())
                    .build())));
            lastSwapNanos = System.nanoTime();
        }
        alias(actions);
        state();
        log.info("The search index generation {} is live", built);
    }

    @Override
    public synchronized void dropRetired() {
        if (System.nanoTime() - lastSwapNanos < retiredGrace.toNanos()) {
            return;
        }
        State state = state();
        for (int generation : state.all()) {
            if (!Integer.valueOf(generation).equals(state.live()) && !Integer.valueOf(generation).equals(state.building())) {
                delete(generation);
            }
        }
    }

    /** Deletes every generation: the index is lost, as when someone deletes it. */
    synchronized void deleteAll() {
        state().all().forEach(this::delete);
        state();
    }

    /**
     * Generations as Elasticsearch has them now. A generation is live (or being built) only when
     * both of its indices carry the alias, so losing either index is losing the generation.
     */
    State state() {
        Map<String, Set<AliasData>> aliases = template.indexOps(IndexCoordinates.of(prefix + "posts-v*",
                prefix + "users-v*")).getAliasesForIndex(prefix + "posts-v*", prefix + "users-v*");
        TreeSet<Integer> all = new TreeSet<>();
        Map<Integer, Set<String>> posts = new java.util.HashMap<>();
        Map<Integer, Set<String>> users = new java.util.HashMap<>();
        aliases.forEach((index, data) -> {
            Matcher name = indexName.matcher(index);
            if (name.matches()) {
                int generation = Integer.parseInt(name.group(2));
                all.add(generation);
                Set<String> names = new java.util.HashSet<>();
                data.forEach(alias -> names.add(alias.getAlias()));
                (name.group(1).equals("posts") ? posts : users).put(generation, names);
            }
        });
        Integer live = carrying(posts, users, "");
        Integer building = carrying(posts, users, "-building");
        List<String> liveIndices = new ArrayList<>();
        posts.forEach((generation, names) -> {
            if (names.contains(postsAlias())) {
                liveIndices.add(index(generation, "posts"));
            }
        });
        users.forEach((generation, names) -> {
            if (names.contains(usersAlias())) {
                liveIndices.add(index(generation, "users"));
            }
        });
        State state = new State(live, building, all, liveIndices);
        known = state;
        return state;
    }

    private Integer carrying(Map<Integer, Set<String>> posts, Map<Integer, Set<String>> users, String suffix) {
        for (var entry : posts.entrySet()) {
            if (entry.getValue().contains(prefix + "posts" + suffix)
                    && users.getOrDefault(entry.getKey(), Set.of()).contains(prefix + "users" + suffix)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * @param liveIndices the indices carrying a live alias, whole generation or not: all lose it at a swap
     */
    record State(Integer live, Integer building, java.util.SortedSet<Integer> all, List<String> liveIndices) {
    }

    private int create(State state) {
        int generation = state.all().isEmpty() ? 1 : state.all().last() + 1;
        template.indexOps(IndexCoordinates.of(index(generation, "posts"))).create(SETTINGS, postsMapping);
        template.indexOps(IndexCoordinates.of(index(generation, "users"))).create(SETTINGS, usersMapping);
        return generation;
    }

    private void delete(int generation) {
        for (String kind : List.of("posts", "users")) {
            try {
                template.indexOps(IndexCoordinates.of(index(generation, kind))).delete();
            } catch (RuntimeException e) {
                log.warn("Could not delete the retired search index {}", index(generation, kind), e);
            }
        }
    }

    private void alias(List<AliasAction> actions) {
        template.indexOps(IndexCoordinates.of(postsAlias())).alias(new AliasActions(actions.toArray(AliasAction[]::new)));
    }

    private AliasAction add(int generation, String kind, String alias) {
        return new AliasAction.Add(AliasActionParameters.builder().withIndices(index(generation, kind))
                .withAliases(alias).build());
    }

    private AliasAction remove(int generation, String kind, String alias) {
        return new AliasAction.Remove(AliasActionParameters.builder().withIndices(index(generation, kind))
                .withAliases(alias).build());
    }

    private String index(int generation, String kind) {
        return prefix + kind + "-v" + generation;
    }

    private static Document mapping(String kind) {
        try {
            return Document.parse(new ClassPathResource("search/elasticsearch/" + kind + "-mapping.json")
                    .getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
