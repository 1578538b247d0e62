package io.glimpse.api.search;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Search on the embedded default: Lucene under the data directory. */
@EmbeddedGlimpse
class SearchApiOnEmbeddedTest extends SearchApiContract {

    @Value("${glimpse.data-dir}")
    Path dataDir;

    @Override
    protected void loseTheIndex() {
        try (Stream<Path> files = Files.walk(dataDir.resolve("search"))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
