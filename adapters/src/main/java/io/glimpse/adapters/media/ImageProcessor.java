package io.glimpse.adapters.media;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes the stored renditions of an uploaded image. The image is shrunk to the display size
 * once, while still in whatever form it was decoded in, and everything after works on that copy:
 * at 40 megapixels a second full-size copy would cost another 160 MB.
 * <p>
 * Every rendition is a fresh JPEG encoded from pixels alone, so no EXIF, GPS position, camera
 * serial or comment of the original survives; the orientation the EXIF asked for is applied to
 * the pixels first. Transparency is laid over white, since JPEG has none and would otherwise show
 * black. Thread-safe.
 */
public class ImageProcessor {

    static final int DISPLAY_MAX_SIDE = 2048;
    static final int FEED_MAX_WIDTH = 1080;
    static final int THUMBNAIL_SIDE = 320;
    static final double JPEG_QUALITY = 0.85;

    private final ImageInspector inspector;

    public ImageProcessor(ImageInspector inspector) {
        this.inspector = inspector;
    }

    /** Throws as {@link ImageInspector#inspect(byte[])}, before decoding anything. */
    public Renditions renditions(byte[] original) {
        ImageInfo info = inspector.inspect(original);
        BufferedImage decoded = inspector.decode(original);
        Size displaySize = Size.of(decoded).fitWithin(DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE);
        BufferedImage display = ExifOrientation.upright(onWhite(resize(decoded, displaySize)), info.format(), original);

        BufferedImage centre = centreSquare(display);
        int thumbnailSide = Math.min(THUMBNAIL_SIDE, centre.getWidth());
        return new Renditions(
                encode(display, Size.of(display)),
                encode(display, Size.of(display).fitWithin(FEED_MAX_WIDTH, Integer.MAX_VALUE)),
                encode(centre, new Size(thumbnailSide, thumbnailSide)));
    }

    /** Thumbnailator halves the size step by step, which keeps fine detail from aliasing. */
    private static BufferedImage resize(BufferedImage image, Size size) {
        if (Size.of(image).equals(size)) {
            return image;
        }
        try {
            return Thumbnails.of(image)
                    .forceSize(size.width(), size.height())
                    .imageType(image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Also turns grey, palette and other pixel layouts into the one the JPEG encoder writes. */
    private static BufferedImage onWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static BufferedImage centreSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    /** Thumbnailator's JPEG output is the encoder's alone: it writes no metadata of its own or the source's. */
    private static Rendition encode(BufferedImage image, Size size) {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            Thumbnails.of(image)
                    .forceSize(size.width(), size.height())
                    .outputFormat("jpg")
                    .outputQuality(JPEG_QUALITY)
                    .toOutputStream(jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendition(jpeg.toByteArray(), size.width(), size.height());
    }
}
