package io.glimpse.query.media;

/** No file is stored under the key. */
public class MediaNotFoundException extends MediaException {

    public MediaNotFoundException(String key) {
        super("No media stored under " + key);
    }

    public MediaNotFoundException(String key, Throwable cause) {
        super("No media stored under " + key, cause);
    }
}
