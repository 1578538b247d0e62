package io.glimpse.adapters.media;

/** What an image's header says: its format and the size of its first frame. */
public record ImageInfo(ImageFormat format, int width, int height) {

    /** As a long: two ints' product overflows an int long before any limit would stop it. */
    public long pixels() {
        return (long) width * height;
    }
}
