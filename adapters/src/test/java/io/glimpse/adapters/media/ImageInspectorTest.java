package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.glimpse.adapters.media.ImageFixtures.bands;
import static io.glimpse.adapters.media.ImageFixtures.encode;
import static io.glimpse.adapters.media.ImageFixtures.pngClaiming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector();

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif"})
    void readsFormatAndSizeFromTheBytes(String format) {
        byte[] image = encode(bands(37, 23, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE), format);

        ImageInfo info = inspector.inspect(image);

        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.valueOf(format.toUpperCase()), 37, 23));
        assertThat(info.format().contentType()).isEqualTo("image/" + format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossless-30x20.webp", "lossy-30x20.webp"})
    void readsWebP(String file) {
        assertThat(inspector.inspect(ImageFixtures.resource(file))).isEqualTo(new ImageInfo(ImageFormat.WEBP, 30, 20));
        assertThat(ImageFormat.WEBP.contentType()).isEqualTo("image/webp");
    }

    @Test
    void decidesByTheBytesNotTheFileName(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("photo.jpg"), "This is not a photo, just text.");
        Path png = Files.write(dir.resolve("photo2.jpg"),
                encode(bands(5, 4, BufferedImage.TYPE_INT_RGB, Color.RED), "png"));

        try (InputStream in = Files.newInputStream(text)) {
            assertThatThrownBy(() -> inspector.inspect(in)).isInstanceOf(UnsupportedImageException.class);
        }
        try (InputStream in = Files.newInputStream(png)) {
            assertThat(inspector.inspect(in).format()).isEqualTo(ImageFormat.PNG);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GIF", "GIF90a and more", "BM6 a bitmap header", "RIFF\0\0\0\0WAVEfmt ",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "%PDF-1.7"})
    void rejectsBytesOfOtherFormats(String content) {
        assertThatThrownBy(() -> inspector.inspect(content.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnsupportedImageException.class);
    }

    @Test
    void rejectsASignatureFollowedByGarbage() {
        for (ImageFormat format : ImageFormat.values()) {
            byte[] image = signatureOf(format);
            byte[] garbage = Arrays.copyOf(image, image.length + 200);
            Arrays.fill(garbage, image.length, garbage.length, (byte) 0x5A);

            assertThatThrownBy(() -> inspector.inspect(garbage)).as(format.name())
                    .isInstanceOf(InvalidImageException.class);
        }
    }

    @Test
    void rejectsAnImageCutOffBeforeItsSize() {
        byte[] png = encode(bands(5, 4, BufferedImage.TYPE_INT_RGB, Color.RED), "png");

        assertThatThrownBy(() -> inspector.inspect(Arrays.copyOf(png, 18))).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() {
        byte[] bomb = pngClaiming(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> inspector.inspect(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("50000 x 50000");
        assertThatThrownBy(() -> new ImageProcessor(inspector).renditions(bomb))
                .isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void doesNotOverflowOnTheLargestSizeAHeaderCanClaim() {
        assertThatThrownBy(() -> inspector.inspect(pngClaiming(Integer.MAX_VALUE, Integer.MAX_VALUE)))
                .isInstanceOf(MediaException.class)
                .isNotInstanceOf(UnsupportedImageException.class);
    }

    @Test
    void theLimitIsInclusiveAndConfigurable() {
        ImageInspector small = new ImageInspector(100);

        assertThat(small.inspect(encode(bands(10, 10, BufferedImage.TYPE_INT_RGB, Color.RED), "png")).pixels())
                .isEqualTo(100);
        assertThatThrownBy(() -> small.inspect(encode(bands(11, 10, BufferedImage.TYPE_INT_RGB, Color.RED), "png")))
                .isInstanceOf(ImageTooLargeException.class);
        assertThat(inspector.inspect(pngClaiming(8000, 5000)).pixels()).isEqualTo(ImageInspector.DEFAULT_MAX_PIXELS);
    }

    private static byte[] signatureOf(ImageFormat format) {
        return switch (format) {
            case JPEG -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            case PNG -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
            case GIF -> "GIF89a".getBytes(StandardCharsets.US_ASCII);
            case WEBP -> "RIFF\u00d2\u0004\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1);
        };
    }
}
