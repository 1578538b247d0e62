package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaException;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Decides what an upload is before anything trusts it: the format from its signature, then the
 * size from its header alone, refused above the pixel limit. A decoder allocates width times
 * height pixels whatever the file's length, so a few hundred bytes can claim a 50000 x 50000
 * image and take ten gigabytes of heap; checking the header first keeps every decode bounded.
 * Thread-safe: each call uses a reader of its own.
 */
public class ImageInspector {

    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxPixels;

    public ImageInspector() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageInspector(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
    }

    /**
     * @throws UnsupportedImageException if the bytes do not start with an accepted format's signature
     * @throws ImageTooLargeException    if the header announces more than the pixel limit
     * @throws InvalidImageException     if the header cannot be read
     */
    public ImageInfo inspect(byte[] image) {
        return inspect(new ByteArrayInputStream(image));
    }

    /** Reads only as far as the header; the caller closes the stream. Throws as {@link #inspect(byte[])}. */
    public ImageInfo inspect(InputStream image) {
        return read(image, (reader, info) -> info);
    }

    /**
     * The first frame's pixels (of an animated GIF or WebP, the first frame only), decoded by the
     * same reader that has just checked the header, so the limit holds for exactly what is decoded.
     */
    BufferedImage decode(byte[] image) {
        return read(new ByteArrayInputStream(image), (reader, info) -> reader.read(0));
    }

    private <T> T read(InputStream image, HeaderStep<T> next) {
        byte[] head = readHead(image);
        ImageFormat format = ImageFormat.of(head).orElseThrow(UnsupportedImageException::new);
        ImageReader reader = readerFor(format);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), image);
        try (ImageInputStream input = new MemoryCacheImageInputStream(whole)) {
            reader.setInput(input, true, true);
            ImageInfo info = new ImageInfo(format, reader.getWidth(0), reader.getHeight(0));
            if (info.width() < 1 || info.height() < 1) {
                throw new InvalidImageException(format, null);
            }
            if (info.pixels() > maxPixels) {
                throw new ImageTooLargeException(info, maxPixels);
            }
            return next.apply(reader, info);
        } catch (MediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders meet corrupt input with whatever they trip over (IIOException, EOFException,
            // ArrayIndexOutOfBounds...): all of it means this file is broken, not this server.
            throw new InvalidImageException(format, e);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] readHead(InputStream image) {
        try {
            return image.readNBytes(ImageFormat.SIGNATURE_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image", e);
        }
    }

    /**
     * WebP's reader comes straight from its plugin: ImageIO finds plugins through the context
     * class loader of whichever thread first uses it, which in a packaged application may not see
     * the plugin's jar. JPEG, PNG and GIF are the JDK's own.
     */
    private static ImageReader readerFor(ImageFormat format) {
        if (format == ImageFormat.WEBP) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name());
        if (!readers.hasNext()) {
            throw new IllegalStateException("This JDK has no ImageIO reader for " + format);
        }
        return readers.next();
    }

    @FunctionalInterface
    private interface HeaderStep<T> {
        T apply(ImageReader reader, ImageInfo info) throws IOException;
    }
}
