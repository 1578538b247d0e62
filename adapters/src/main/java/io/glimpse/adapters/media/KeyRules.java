package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaStore;
import java.util.regex.Pattern;

/**
 * The key rules of {@link MediaStore}, shared by its adapters so that a key valid in one is valid
 * in all. The character set is an allow-list rather than a list of dangerous sequences: it leaves
 * no encoding of {@code ..} or of a separator to forget, keys need no escaping in URLs, and no key
 * can collide with the adapters' own dot-named temporary files.
 */
final class KeyRules {

    /** S3's own limit, so that a key accepted on disk can move to S3. */
    static final int MAX_LENGTH = 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private KeyRules() {
    }

    static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH || key.contains("..")) {
            throw invalid(key);
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw invalid(key);
            }
        }
        return key;
    }

    static String requirePrefix(String prefix) {
        if (prefix != null && prefix.endsWith("/")) {
            requireKey(prefix.substring(0, prefix.length() - 1));
        } else {
            requireKey(prefix);
        }
        return prefix;
    }

    /** A base URL without its trailing slash, so that joining it to a key never doubles one. */
    static String baseUrl(String publicBaseUrl) {
        if (publicBaseUrl == null) {
            throw new IllegalArgumentException("A public base URL is required");
        }
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    static String publicUrl(String baseUrl, String key) {
        return baseUrl + "/" + requireKey(key);
    }

    private static IllegalArgumentException invalid(String key) {
        return new IllegalArgumentException("Not a valid media key: " + key);
    }
}
