package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaException;
/** The bytes start like an accepted format but cannot be read as one: truncated or corrupt (400). */
public class InvalidImageException extends MediaException {

    public InvalidImageException(ImageFormat format, Throwable cause) {
        super("Not a readable " + format + " image", cause);
    }
}
