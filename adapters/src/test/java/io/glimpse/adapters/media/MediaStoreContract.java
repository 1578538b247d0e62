package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaNotFoundException;
import io.glimpse.query.media.MediaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link MediaStore} does, run against each adapter. Keys live under a namespace of
 * their own per test, so that adapters sharing one bucket across tests stay independent.
 */
abstract class MediaStoreContract {

    private final String namespace = "t-" + UUID.randomUUID() + "/";

    /** The store under test, configured with {@link #publicBaseUrl()}. */
    protected abstract MediaStore store();

    protected abstract String publicBaseUrl();

    protected String key(String path) {
        return namespace + path;
    }

    protected static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random().nextBytes(bytes);
        return bytes;
    }

    protected byte[] read(String key) {
        try (InputStream in = store().open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void returnsTheStoredBytesUnchanged() {
        byte[] bytes = randomBytes(300_000);
        bytes[0] = 0;
        bytes[1] = (byte) 0xFF;
        store().put(key("posts/a/feed.jpg"), bytes, "image/jpeg");

        assertThat(read(key("posts/a/feed.jpg"))).isEqualTo(bytes);
    }

    @Test
    void storesAnEmptyFile() {
        store().put(key("empty"), new byte[0], "application/octet-stream");

        assertThat(read(key("empty"))).isEmpty();
    }

    @Test
    void overwritesWhatWasStored() {
        store().put(key("staging/x"), randomBytes(5000), "image/png");
        byte[] second = randomBytes(100);
        store().put(key("staging/x"), second, "image/png");

        assertThat(read(key("staging/x"))).isEqualTo(second);
    }

    @Test
    void existsOnlyForStoredKeys() {
        assertThat(store().exists(key("posts/a/feed.jpg"))).isFalse();
        store().put(key("posts/a/feed.jpg"), randomBytes(10), "image/jpeg");

        assertThat(store().exists(key("posts/a/feed.jpg"))).isTrue();
        assertThat(store().exists(key("posts/a"))).as("a prefix is not a key").isFalse();
        assertThat(store().exists(key("posts/a/feed.jp"))).isFalse();
    }

    @Test
    void deleteRemovesTheKeyAndIsIdempotent() {
        store().put(key("posts/a/feed.jpg"), randomBytes(10), "image/jpeg");
        store().put(key("posts/a/display.jpg"), randomBytes(10), "image/jpeg");

        store().delete(key("posts/a/feed.jpg"));
        store().delete(key("posts/a/feed.jpg"));
        store().delete(key("never/stored"));

        assertThat(store().exists(key("posts/a/feed.jpg"))).isFalse();
        assertThatThrownBy(() -> store().open(key("posts/a/feed.jpg"))).isInstanceOf(MediaNotFoundException.class);
        assertThat(store().exists(key("posts/a/display.jpg"))).isTrue();
    }

    @Test
    void deleteAllRemovesExactlyTheKeysUnderThePrefix() {
        String[] inside = {"users/1/posts/a/x.jpg", "users/1/posts/a/b/c/y.jpg", "users/1/avatar/z.jpg"};
        String[] outside = {"users/10/posts/a/x.jpg", "users/2/posts/a/x.jpg", "users/1.jpg", "staging/1"};
        for (String path : inside) {
            store().put(key(path), randomBytes(10), "image/jpeg");
        }
        for (String path : outside) {
            store().put(key(path), randomBytes(10), "image/jpeg");
        }

        store().deleteAll(key("users/1/"));

        for (String path : inside) {
            assertThat(store().exists(key(path))).as(path).isFalse();
        }
        for (String path : outside) {
            assertThat(store().exists(key(path))).as(path).isTrue();
        }
    }

    @Test
    void deleteAllMatchesThePrefixAsAString() {
        store().put(key("staging/abc"), randomBytes(10), "image/jpeg");
        store().put(key("staging/abd/x"), randomBytes(10), "image/jpeg");
        store().put(key("staging/b"), randomBytes(10), "image/jpeg");

        store().deleteAll(key("staging/ab"));

        assertThat(store().exists(key("staging/abc"))).isFalse();
        assertThat(store().exists(key("staging/abd/x"))).isFalse();
        assertThat(store().exists(key("staging/b"))).isTrue();
    }

    @Test
    void deleteAllOfAPrefixWithoutKeysDoesNothing() {
        store().put(key("users/2/x.jpg"), randomBytes(10), "image/jpeg");

        assertThatCode(() -> {
            store().deleteAll(key("users/1/"));
            store().deleteAll(key("users/1/"));
            store().deleteAll("nothing-" + UUID.randomUUID() + "/");
        }).doesNotThrowAnyException();
        assertThat(store().exists(key("users/2/x.jpg"))).isTrue();
    }

    @Test
    void storesAgainUnderADeletedPrefix() {
        store().put(key("posts/a/feed.jpg"), randomBytes(10), "image/jpeg");
        store().deleteAll(key("posts/a/"));
        byte[] bytes = randomBytes(10);

        store().put(key("posts/a/feed.jpg"), bytes, "image/jpeg");

        assertThat(read(key("posts/a/feed.jpg"))).isEqualTo(bytes);
    }

    @Test
    void openingAMissingKeyThrowsNotFound() {
        assertThatThrownBy(() -> store().open(key("posts/none.jpg")))
                .isInstanceOf(MediaNotFoundException.class)
                .hasMessageContaining(key("posts/none.jpg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "../x", "a/../../x", "a/..", "..", "/etc/passwd", "a\\b", "..\\x", "a//b",
            "a/", "./a", "a/./b", ".hidden", "a b", "a/%2e%2e/b", "café", "a\u0000b"})
    void rejectsKeysThatAreNotPlainRelativePaths(String key) {
        MediaStore store = store();
        assertThatThrownBy(() -> store.put(key, new byte[] {1}, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.publicUrl(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "..", "../", "a/../", "/a/", "a//", "./", ".hidden/", "a\\", "/etc/"})
    void rejectsPrefixesThatAreNotPlainRelativePaths(String prefix) {
        assertThatThrownBy(() -> store().deleteAll(prefix)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsKeysLongerThanS3Allows() {
        String tooLong = "a".repeat(KeyRules.MAX_LENGTH + 1);

        assertThatThrownBy(() -> store().put(tooLong, new byte[] {1}, "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicUrlIsTheBaseUrlAndTheKey() {
        String key = key("users/1/posts/2/3/feed.jpg");

        assertThat(store().publicUrl(key)).isEqualTo(publicBaseUrl() + "/" + key);
    }
}
