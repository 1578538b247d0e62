package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaException;
/** The bytes do not start like any accepted image format, whatever the file was called (415). */
public class UnsupportedImageException extends MediaException {

    public UnsupportedImageException() {
        super("Not a JPEG, PNG, GIF or WebP image");
    }
}
