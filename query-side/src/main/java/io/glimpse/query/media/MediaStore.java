package io.glimpse.query.media;

import java.io.InputStream;

/**
 * Where uploaded images and their renditions are kept, by key. Keys are relative paths made by the
 * application ({@code staging/<uuid>}, {@code users/<uuid>/posts/<uuid>/<uuid>/feed.jpg}): segments
 * of letters, digits, {@code .}, {@code _} and {@code -}, none starting with a dot, separated by
 * single slashes. Anything else, and in particular every way of climbing out of the store
 * ({@code ..}, a leading slash, backslashes, empty segments), is an {@link IllegalArgumentException},
 * so a key can never name a file outside the store whatever reaches it.
 */
public interface MediaStore {

    /** Stores the bytes under the key, replacing what was there. Readers see the old or the new file, never part of one. */
    void put(String key, byte[] bytes, String contentType);

    /** The caller closes the stream. @throws MediaNotFoundException if nothing is stored under the key */
    InputStream open(String key);

    boolean exists(String key);

    /** Does nothing if nothing is stored under the key. */
    void delete(String key);

    /**
     * Deletes every key that starts with the prefix, as a string: {@code users/<id>/} takes that
     * user's files; {@code users/<id>} would also take those of any id it is a prefix of. Does
     * nothing if no key matches. The prefix follows the key rules, except that it may end in a slash.
     */
    void deleteAll(String prefix);

    /** The URL clients fetch the file from. Keys need no escaping: their characters are all URL-safe. */
    String publicUrl(String key);
}
