package io.glimpse.adapters.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import static io.glimpse.adapters.media.ImageFixtures.bands;
import static io.glimpse.adapters.media.ImageFixtures.decode;
import static io.glimpse.adapters.media.ImageFixtures.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageProcessorTest {

    private final ImageProcessor processor = new ImageProcessor(new ImageInspector());

    /**
     * A phone held upright stores a landscape sensor image (red on the left, blue on the right)
     * and the turn to apply: 6 is 90 degrees clockwise, which brings the left edge to the top,
     * 8 is 90 degrees counter-clockwise, which brings it to the bottom.
     */
    @ParameterizedTest
    @CsvSource({"6, RED, BLUE", "8, BLUE, RED"})
    void turnsThePixelsAsTheExifOrientationSaysAndDropsAllMetadata(int orientation, String top, String bottom)
            throws Exception {
        byte[] photo = ImageFixtures.withExif(
                encode(bands(40, 20, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE), "jpeg"), orientation, 13.4, 52.5);
        Metadata original = metadataOf(photo);
        assertThat(original.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
                .isCloseTo(52.5, within(0.001));
        assertThat(original.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo(orientation);

        Renditions renditions = processor.renditions(photo);

        for (Rendition rendition : List.of(renditions.display(), renditions.feed())) {
            assertThat(rendition.width()).isEqualTo(20);
            assertThat(rendition.height()).isEqualTo(40);
            BufferedImage pixels = decodeChecked(rendition);
            assertNear(pixels.getRGB(10, 3), color(top));
            assertNear(pixels.getRGB(10, 36), color(bottom));
        }
        for (Rendition rendition : List.of(renditions.display(), renditions.feed(), renditions.thumbnail())) {
            Metadata metadata = metadataOf(rendition.bytes());
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        }
    }

    @Test
    void shrinksAWideImageToEachRenditionsBox() {
        Renditions renditions = processor.renditions(encode(bands(3000, 1500, BufferedImage.TYPE_INT_RGB, Color.GRAY), "jpeg"));

        assertSize(renditions.display(), ImageProcessor.DISPLAY_MAX_SIDE, ImageProcessor.DISPLAY_MAX_SIDE / 2);
        assertSize(renditions.feed(), ImageProcessor.FEED_MAX_WIDTH, ImageProcessor.FEED_MAX_WIDTH / 2);
        assertSize(renditions.thumbnail(), ImageProcessor.THUMBNAIL_SIDE, ImageProcessor.THUMBNAIL_SIDE);
    }

    @Test
    void shrinksATallImageByItsHeightAndKeepsItsShape() {
        Renditions renditions = processor.renditions(encode(bands(1000, 4000, BufferedImage.TYPE_INT_RGB, Color.GRAY), "png"));

        assertSize(renditions.display(), ImageProcessor.DISPLAY_MAX_SIDE / 4, ImageProcessor.DISPLAY_MAX_SIDE);
        assertSize(renditions.feed(), ImageProcessor.DISPLAY_MAX_SIDE / 4, ImageProcessor.DISPLAY_MAX_SIDE);
        assertSize(renditions.thumbnail(), ImageProcessor.THUMBNAIL_SIDE, ImageProcessor.THUMBNAIL_SIDE);
    }

    @Test
    void neverEnlargesASmallImage() {
        Renditions renditions = processor.renditions(encode(bands(64, 48, BufferedImage.TYPE_INT_RGB, Color.GRAY), "png"));

        assertSize(renditions.display(), 64, 48);
        assertSize(renditions.feed(), 64, 48);
        assertSize(renditions.thumbnail(), 48, 48);
    }

    @Test
    void theThumbnailIsTheCentreSquare() {
        byte[] image = encode(bands(900, 300, BufferedImage.TYPE_INT_RGB, Color.RED, Color.GREEN, Color.BLUE), "png");

        BufferedImage thumbnail = decodeChecked(processor.renditions(image).thumbnail());

        int last = thumbnail.getWidth() - 1;
        for (int[] point : new int[][] {{2, 2}, {last - 2, 2}, {2, last - 2}, {last - 2, last - 2}}) {
            assertNear(thumbnail.getRGB(point[0], point[1]), Color.GREEN);
        }
    }

    /** JPEG has no transparency; encoders left to themselves turn it black. */
    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "lossless-30x20.webp", "lossy-30x20.webp"})
    void laysTransparencyOverWhite(String source) {
        Supplier<byte[]> image = switch (source) {
            case "png" -> () -> encode(bands(30, 20, BufferedImage.TYPE_INT_ARGB, new Color(0, 0, 0, 0), Color.RED), "png");
            case "gif" -> () -> ImageFixtures.transparentGif(30, 20, Color.RED, 15);
            default -> () -> ImageFixtures.resource(source);
        };

        Rendition display = processor.renditions(image.get()).display();

        assertSize(display, 30, 20);
        BufferedImage pixels = decodeChecked(display);
        assertNear(pixels.getRGB(0, 0), Color.WHITE);
        assertNear(pixels.getRGB(4, 10), Color.WHITE);
        assertNear(pixels.getRGB(25, 10), Color.RED);
    }

    @Test
    void takesTheFirstFrameOfAnAnimation() {
        byte[] animation = ImageFixtures.animatedGif(40, 30, Color.RED, Color.BLUE, Color.GREEN);

        BufferedImage display = decodeChecked(processor.renditions(animation).display());

        assertNear(display.getRGB(20, 15), Color.RED);
    }

    @Test
    void rejectsAnImageWhosePixelDataIsCorrupt() {
        byte[] png = encode(bands(200, 200, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE), "png");
        for (int i = 60; i < png.length - 20; i++) {
            png[i] = (byte) 0xA5;
        }

        assertThatThrownBy(() -> processor.renditions(png)).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void everyRenditionIsAJpeg() {
        Renditions renditions = processor.renditions(encode(bands(50, 50, BufferedImage.TYPE_INT_RGB, Color.GRAY), "gif"));

        for (Rendition rendition : List.of(renditions.display(), renditions.feed(), renditions.thumbnail())) {
            assertThat(ImageFormat.of(rendition.bytes())).contains(ImageFormat.JPEG);
            assertThat(rendition.contentType()).isEqualTo("image/jpeg");
        }
    }

    /** The size a rendition reports is the size its JPEG really has. */
    private static BufferedImage decodeChecked(Rendition rendition) {
        BufferedImage image = decode(rendition.bytes());
        assertThat(image.getWidth()).isEqualTo(rendition.width());
        assertThat(image.getHeight()).isEqualTo(rendition.height());
        return image;
    }

    private static void assertSize(Rendition rendition, int width, int height) {
        assertThat(rendition.width()).as("width").isEqualTo(width);
        assertThat(rendition.height()).as("height").isEqualTo(height);
        decodeChecked(rendition);
    }

    /** JPEG is lossy: colours come back close, not equal. */
    private static void assertNear(int rgb, Color expected) {
        Color actual = new Color(rgb);
        assertThat(actual.getRed()).as("red of %s", actual).isCloseTo(expected.getRed(), within(40));
        assertThat(actual.getGreen()).as("green of %s", actual).isCloseTo(expected.getGreen(), within(40));
        assertThat(actual.getBlue()).as("blue of %s", actual).isCloseTo(expected.getBlue(), within(40));
    }

    private static Color color(String name) {
        return name.equals("RED") ? Color.RED : Color.BLUE;
    }

    private static Metadata metadataOf(byte[] jpeg) throws ImageProcessingException, IOException {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
    }
}
