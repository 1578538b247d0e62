package io.glimpse.adapters.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded index's generations on disk: directories {@code v1}, {@code v2}, ... under the
 * root, and {@code state.properties} naming the live one and the one being built. The state file
 * is replaced atomically, so a swap is one rename: the embedded counterpart of an alias swap.
 */
final class LuceneGenerations implements Generations, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneGenerations.class);
    private static final Pattern NAME = Pattern.compile("v(\\d+)");

    private final Path root;
    private final Path stateFile;
    private volatile Generation live;
    private volatile Generation building;
    /** How long a replaced generation stays on disk for reads that began before the swap. */
    private final Duration retiredGrace;
    private volatile long lastSwapNanos;

    LuceneGenerations(Path root, Duration retiredGrace) {
        this.root = root;
        this.retiredGrace = retiredGrace;
        this.lastSwapNanos = System.nanoTime() - retiredGrace.toNanos();
        this.stateFile = root.resolve("state.properties");
        Properties state = readState();
        live = openIfPresent(state.getProperty("live"));
        String buildingName = state.getProperty("building");
        if (buildingName != null && live != null && buildingName.equals(live.name())) {
            building = live;
        } else {
            building = openIfPresent(buildingName);
            if (live == null) {
                live = building; // the live one was lost during a rebuild: the new one serves as it fills
            }
        }
    }

    /** Something to do with a searcher on the live generation. */
    @FunctionalInterface
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * Runs the read on the live generation, or answers {@code none} when there is none. A read
     * that meets a generation closed by a swap an instant ago tries again on the new one.
     */
    <T> T read(Read<T> read, T none) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Generation generation = live;
            if (generation == null) {
                return none;
            }
            IndexSearcher searcher;
            try {
                searcher = generation.searchers().acquire();
            } catch (AlreadyClosedException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return read.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(generation, searcher);
            }
        }
        return none;
    }

    private static void release(Generation generation, IndexSearcher searcher) {
        try {
            generation.searchers().release(searcher);
        } catch (IOException e) {
            log.warn("Could not release a searcher of {}", generation.path(), e);
        }
    }

    /** Where writes go: the generation being built, else the live one. */
    synchronized Generation writeTarget() {
        Generation target = building != null ? building : live;
        if (target == null) {
            throw new IllegalStateException("There is no search index to write to yet: the search guard creates it");
        }
        return target;
    }

    @Override
    public boolean isIntact() {
        Generation generation = live;
        return generation != null && Files.exists(stateFile) && generation.exists();
    }

    @Override
    public boolean isRebuilding() {
        return building != null;
    }

    @Override
    public synchronized void initialize() {
        if (isIntact()) {
            return;
        }
        if (live != null) {
            live.closeQuietly();
        }
        live = Generation.open(next());
        building = null;
        writeState();
    }

    @Override
    public synchronized void beginRebuild() {
        if (building != null && building != live) {
            building.closeQuietly();
            delete(building.path()); // nobody reads a generation that is being built
        }
        building = null;
        if (!isIntact()) {
            if (live != null) {
                live.closeQuietly();
            }
            live = null;
        }
        Generation fresh = Generation.open(next());
        building = fresh;
        if (live == null) {
            live = fresh;
        }
        writeState();
        log.info("Rebuilding the search index into {}", fresh.path());
    }

    @Override
    public synchronized void completeRebuild() {
        Generation built = building;
        if (built == null) {
            return;
        }
        Generation old = live;
        live = built;
        building = null;
        writeState();
        if (old != null && old != built) {
            lastSwapNanos = System.nanoTime();
            old.closeQuietly(); // searches still holding its reader finish on it; its files go later
        }
        log.info("The search index {} is live", built.path());
    }

    @Override
    public synchronized void dropRetired() {
        if (System.nanoTime() - lastSwapNanos < retiredGrace.toNanos() || !Files.isDirectory(root)) {
            return;
        }
        List<String> kept = Stream.of(live, building).filter(Objects::nonNull).map(Generation::name).toList();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(path -> NAME.matcher(path.getFileName().toString()).matches())
                    .filter(path -> !kept.contains(path.getFileName().toString()))
                    .forEach(LuceneGenerations::delete);
        } catch (IOException e) {
            log.warn("Could not list {}", root, e);
        }
    }

    @Override
    public synchronized void close() {
        Stream.of(live, building).filter(Objects::nonNull).distinct().forEach(Generation::closeQuietly);
    }

    private Path next() {
        int highest = 0;
        if (Files.isDirectory(root)) {
            try (Stream<Path> children = Files.list(root)) {
                highest = children.map(path -> NAME.matcher(path.getFileName().toString()))
                        .filter(Matcher::matches)
                        .mapToInt(name -> Integer.parseInt(name.group(1)))
                        .max().orElse(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Generation generation : new Generation[]{live, building}) {
            if (generation != null) {
                Matcher name = NAME.matcher(generation.name());
                highest = Math.max(highest, name.matches() ? Integer.parseInt(name.group(1)) : 0);
            }
        }
        return root.resolve("v" + (highest + 1));
    }

    private Properties readState() {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (Reader reader = Files.newBufferedReader(stateFile)) {
                state.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + stateFile, e);
            }
        }
        return state;
    }

    private void writeState() {
        Properties state = new Properties();
        if (live != null) {
            state.setProperty("live", live.name());
        }
        if (building != null) {
            state.setProperty("building", building.name());
        }
        try {
            Files.createDirectories(root);
            Path temporary = root.resolve("state.properties.tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                state.store(writer, "Glimpse search index: the live generation and the one being built");
            }
            Files.move(temporary, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + stateFile, e);
        }
    }

    private Generation openIfPresent(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        Path path = root.resolve(name);
        try (Directory directory = FSDirectory.open(path)) {
            if (!Files.isDirectory(path) || !DirectoryReader.indexExists(directory)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return Generation.open(path);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the retired search index {}", directory, e);
        }
    }

    /** One index directory with its writer and near-real-time searchers. */
    static final class Generation {

        private final Path path;
        private final Directory directory;
        private final IndexWriter writer;
        private final SearcherManager searchers;
        /** Written to since the searchers were last refreshed (only the writing thread looks). */
        private boolean changed;

        private Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
            this.path = path;
            this.directory = directory;
            this.writer = writer;
            this.searchers = searchers;
        }

        static Generation open(Path path) {
            try {
                Files.createDirectories(path);
                Directory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                        .setCommitOnClose(false));
                writer.commit(); // a new directory holds an (empty) index from the start
                return new Generation(path, directory, writer, new SearcherManager(writer, null));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not open the search index " + path, e);
            }
        }

        Path path() {
            return path;
        }

        String name() {
            return path.getFileName().toString();
        }

        IndexWriter writer() {
            return writer;
        }

        SearcherManager searchers() {
            return searchers;
        }

        boolean exists() {
            try {
                return DirectoryReader.indexExists(directory);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void markChanged() {
            changed = true;
        }

        /** The stored fields of the one document with this id, seeing this batch's own writes. */
        Document find(Term id) throws IOException {
            if (changed) {
                searchers.maybeRefreshBlocking();
                changed = false;
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(id), 1);
                return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
            } finally {
                searchers.release(searcher);
            }
        }

        /** Durable first (before the projection stores its position), then visible to reads. */
        void commitAndRefresh() throws IOException {
            writer.commit();
            searchers.maybeRefreshBlocking();
            changed = false;
        }

        void closeQuietly() {
            for (AutoCloseable closeable : new AutoCloseable[]{searchers, writer, directory}) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing {} failed (it may have been deleted)", path, e);
                }
            }
        }
    }
}
