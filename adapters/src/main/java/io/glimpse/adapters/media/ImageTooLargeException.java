package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaException;
/**
 * The header announces more pixels than the limit (413). Thrown before any pixel is decoded: a
 * few hundred bytes can claim billions of pixels, and decoding them would exhaust the heap.
 */
public class ImageTooLargeException extends MediaException {

    public ImageTooLargeException(ImageInfo image, long maxPixels) {
        super("The image is %d x %d pixels; at most %d pixels are accepted"
                .formatted(image.width(), image.height(), maxPixels));
    }
}
