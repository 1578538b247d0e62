package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDiskMediaStoreTest extends MediaStoreContract {

    @TempDir
    Path dataDir;

    private Path root;
    private LocalDiskMediaStore store;

    @BeforeEach
    void createStore() {
        root = dataDir.resolve("media");
        store = new LocalDiskMediaStore(root, "/media/");
    }

    @Override
    protected MediaStore store() {
        return store;
    }

    @Override
    protected String publicBaseUrl() {
        return "/media";
    }

    @Test
    void keepsAKeyAtItsPathUnderTheRoot() throws IOException {
        byte[] bytes = randomBytes(10);
        store.put(key("users/1/avatar/a.jpg"), bytes, "image/jpeg");

        assertThat(Files.readAllBytes(root.resolve(key("users/1/avatar/a.jpg")))).isEqualTo(bytes);
    }

    @Test
    void writesNothingOutsideTheRoot() throws IOException {
        Files.createDirectories(root);
        for (String key : List.of("../outside", "../../outside", "/tmp/outside-" + dataDir.getFileName())) {
            assertThatThrownBy(() -> store.put(key, new byte[] {1}, "image/jpeg"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(Files.exists(dataDir.resolve("outside"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/outside-" + dataDir.getFileName()))).isFalse();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        for (int i = 0; i < 5; i++) {
            store.put(key("posts/a/feed.jpg"), randomBytes(1000), "image/jpeg");
        }

        assertThat(filesUnder(root)).containsExactly(root.resolve(key("posts/a/feed.jpg")));
    }

    @Test
    void deleteAllRemovesTheDirectoriesItEmpties() {
        store.put(key("users/1/posts/a/x.jpg"), randomBytes(10), "image/jpeg");
        store.put(key("users/2/y.jpg"), randomBytes(10), "image/jpeg");

        store.deleteAll(key("users/1/"));

        assertThat(Files.exists(root.resolve(key("users/1")))).isFalse();
        assertThat(Files.isDirectory(root.resolve(key("users")))).isTrue();
    }

    /** A reader racing a writer sees one whole version or the other, never a mix or a torn file. */
    @Test
    void readersNeverSeeAHalfWrittenFile() {
        byte[] small = filled(200_000, 1);
        byte[] large = filled(900_000, 2);
        String key = key("posts/a/display.jpg");
        store.put(key, small, "image/jpeg");

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 200; i++) {
                store.put(key, i % 2 == 0 ? large : small, "image/jpeg");
            }
        });
        while (!writer.isDone()) {
            byte[] seen = read(key);
            assertThat(Arrays.equals(seen, small) || Arrays.equals(seen, large))
                    .as("a whole version, not %d bytes", seen.length).isTrue();
        }
        writer.join();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
