package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaNotFoundException;
import io.glimpse.query.media.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps media as files under one directory, a key's slashes becoming directories. The embedded
 * default: nothing to run, and the application serves the directory itself. Unlike S3, a disk
 * cannot hold both {@code users/1} and {@code users/1/a.jpg}, since the first would have to be a
 * file and a directory at once; the application's keys never need both.
 */
public class LocalDiskMediaStore implements MediaStore {

    private final Path root;
    private final String publicBaseUrl;

    public LocalDiskMediaStore(Path root, String publicBaseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.publicBaseUrl = KeyRules.baseUrl(publicBaseUrl);
    }

    /** The content type is not kept: the file name's extension tells the server what to send. */
    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path file = fileOf(key);
        // Written beside the target and renamed over it: a rename within a directory is atomic, so
        // a concurrent reader gets the old or the new file, never a half-written one. The dot keeps
        // the temporary name out of the key space.
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    @Override
    public InputStream open(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            throw new MediaNotFoundException(key);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new MediaNotFoundException(key, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(fileOf(key));
    }

    @Override
    public void delete(String key) {
        Path file = fileOf(key);
        try {
            if (Files.isRegularFile(file)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key, e);
        }
    }

    /**
     * Walks only the directory the prefix ends in, and removes the directories it empties, so that
     * deleted posts and users do not leave a trail of empty directories behind.
     */
    @Override
    public void deleteAll(String prefix) {
        KeyRules.requirePrefix(prefix);
        int lastSlash = prefix.lastIndexOf('/');
        Path start = lastSlash < 0 ? root : fileOf(prefix.substring(0, lastSlash));
        if (!Files.isDirectory(start)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> walk = Files.walk(start)) {
            deepestFirst = walk
                    .filter(path -> !path.equals(root) && matches(path, prefix))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + prefix, e);
        }
        deepestFirst.forEach(LocalDiskMediaStore::deleteMatch);
    }

    @Override
    public String publicUrl(String key) {
        return KeyRules.publicUrl(publicBaseUrl, key);
    }

    /** A directory matches when the keys inside it would: {@code users/1} for {@code users/1/}. */
    private boolean matches(Path path, String prefix) {
        String key = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        return Files.isDirectory(path) ? (key + "/").startsWith(prefix) : key.startsWith(prefix);
    }

    private static void deleteMatch(Path path) {
        if (path.getFileName().toString().startsWith(".")) {
            return; // another thread's write in progress: not a key, and its own to finish
        }
        try {
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException e) {
            // a write into it is in progress; the directory stays with that file
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private Path fileOf(String key) {
        Path file = root.resolve(KeyRules.requireKey(key)).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Not a valid media key: " + key);
        }
        return file;
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // only a leftover temporary file; the outcome of put is already decided
        }
    }
}
