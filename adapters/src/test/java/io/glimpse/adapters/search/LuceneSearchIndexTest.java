package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against the embedded engine: Lucene in a temporary directory. */
class LuceneSearchIndexTest extends SearchIndexContract {

    @TempDir
    Path dataDir;
    private final List<LuceneSearchIndex> opened = new ArrayList<>();

    @Override
    SearchIndex newIndex() {
        LuceneSearchIndex index = new LuceneSearchIndex(dataDir.resolve("search"), Duration.ZERO);
        opened.add(index);
        return index;
    }

    @Override
    void loseEverything() {
        deleteRecursively(dataDir.resolve("search"));
    }

    @Override
    void release(SearchIndex index) {
        ((LuceneSearchIndex) index).close();
    }

    @AfterEach
    void close() {
        opened.forEach(LuceneSearchIndex::close);
    }

    @Test
    void theIndexAndItsGenerationsSurviveARestart() {
        PutPost post = post(ann, "durable words", 1);
        index.beginRebuild();
        release(index);

        SearchIndex reopened = newIndex();
        assertThat(reopened.isIntact()).isTrue();
        assertThat(reopened.isRebuilding()).as("the rebuild goes on after the restart").isTrue();
        assertThat(reopened.searchPosts(new SearchIndex.PostSearch(SearchTerms.parse("durable"), java.util.Set.of(),
                0, 10)).postIds()).containsExactly(post.postId());
    }

    @Test
    void replacedGenerationsAreDeletedFromDisk() throws IOException {
        index.beginRebuild();
        index.completeRebuild();
        index.beginRebuild();
        index.completeRebuild();
        index.dropRetiredGenerations();

        try (Stream<Path> children = Files.list(dataDir.resolve("search"))) {
            assertThat(children.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("state.properties", "v3");
        }
        assertThat(Files.readString(dataDir.resolve("search/state.properties"))).contains("live=v3")
                .doesNotContain("building");
        index.apply(List.of(new PutPost(UUID.randomUUID(), ann, "still writable", List.of(), T0)));
        assertThat(search("writable")).hasSize(1);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
