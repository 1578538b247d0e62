package io.glimpse.adapters.media;

/** One stored version of an image: JPEG bytes and their size in pixels. */
public record Rendition(byte[] bytes, int width, int height) {

    public String contentType() {
        return ImageFormat.JPEG.contentType();
    }
}
