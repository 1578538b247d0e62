package io.glimpse.adapters.media;

/** A size in pixels, and the arithmetic of shrinking one into a box. */
record Size(int width, int height) {

    static Size of(java.awt.image.BufferedImage image) {
        return new Size(image.getWidth(), image.getHeight());
    }

    /**
     * The largest size with this aspect ratio that fits the box, but never larger than this one:
     * enlarging adds bytes and blur, not detail.
     */
    Size fitWithin(int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }
}
