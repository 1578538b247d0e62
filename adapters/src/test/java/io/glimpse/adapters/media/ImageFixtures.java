package io.glimpse.adapters.media;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Test images made on the spot, so each test shows what its input is. The WebP files under
 * {@code src/test/resources/media} are the exception, since nothing in Java writes WebP: they are
 * a 30 x 20 image, transparent on the left half and opaque red on the right, made with
 * {@code cwebp -lossless -exact} and {@code cwebp -q 90} from Debian's webp package.
 */
final class ImageFixtures {

    static final String[] WEBP_FILES = {"lossless-30x20.webp", "lossy-30x20.webp"};

    private ImageFixtures() {
    }

    /** Vertical bands of equal width, left to right. */
    static BufferedImage bands(int width, int height, int imageType, Color... colors) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D graphics = image.createGraphics();
        int bandWidth = width / colors.length;
        for (int i = 0; i < colors.length; i++) {
            graphics.setColor(colors[i]);
            int right = i == colors.length - 1 ? width : (i + 1) * bandWidth;
            graphics.fillRect(i * bandWidth, 0, right - i * bandWidth, height);
        }
        graphics.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with an EXIF Orientation tag and a GPS position, as a phone writes it. */
    static byte[] withExif(byte[] jpeg, int orientation, double longitude, double latitude) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            exif.setGpsInDegrees(longitude, latitude);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GIF whose first colour is transparent, the rest of it the given colour. */
    static byte[] transparentGif(int width, int height, Color opaque, int opaqueFrom) {
        IndexColorModel palette = new IndexColorModel(8, 2,
                new byte[] {0, (byte) opaque.getRed()}, new byte[] {0, (byte) opaque.getGreen()},
                new byte[] {0, (byte) opaque.getBlue()}, 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < height; y++) {
            for (int x = opaqueFrom; x < width; x++) {
                image.getRaster().setSample(x, y, 0, 1);
            }
        }
        return encode(image, "gif");
    }

    /** An animated GIF, one frame per colour. */
    static byte[] animatedGif(int width, int height, Color... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (Color frame : frames) {
                writer.writeToSequence(new IIOImage(bands(width, height, BufferedImage.TYPE_INT_RGB, frame), null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A decompression bomb: a valid PNG of a few dozen bytes whose header claims the given size.
     * Decoding it would allocate width x height pixels.
     */
    static byte[] pngClaiming(int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, no filter, no interlace
            chunk(png, "IHDR", header.toByteArray());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
                deflate.write(new byte[64]);
            }
            chunk(png, "IDAT", pixels.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    static byte[] resource(String name) {
        try (InputStream in = ImageFixtures.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
