package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.glimpse.adapters.media.ImageFixtures.bands;
import static io.glimpse.adapters.media.ImageFixtures.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The beans {@link MediaStoreConfiguration} and {@link ImageConfiguration} make from {@code glimpse.media.*}. */
class MediaConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withUserConfiguration(MediaStoreConfiguration.class, ImageConfiguration.class)
                .withPropertyValues("glimpse.data-dir=" + dataDir);
    }

    @Test
    void storesOnLocalDiskUnderTheDataDirectoryByDefault() {
        context().run(context -> {
            MediaStore store = context.getBean(MediaStore.class);
            store.put("users/1/a.jpg", new byte[] {7}, "image/jpeg");

            assertThat(store).isInstanceOf(LocalDiskMediaStore.class);
            assertThat(Files.readAllBytes(dataDir.resolve("media/users/1/a.jpg"))).containsExactly(7);
            assertThat(store.publicUrl("users/1/a.jpg")).isEqualTo("/media/users/1/a.jpg");
            assertThat(context.getBeanFactory().containsSingleton("mediaS3Client"))
                    .as("no S3 client is built for local storage").isFalse();
        });
    }

    @Test
    void storesInS3WhenConfigured() {
        context().withPropertyValues(
                "glimpse.media.storage=s3",
                "glimpse.media.s3.endpoint=http://127.0.0.1:9",
                "glimpse.media.s3.bucket=photos",
                "glimpse.media.s3.path-style=true",
                "glimpse.media.s3.access-key=a",
                "glimpse.media.s3.secret-key=b"
        ).run(context -> {
            MediaStore store = context.getBean(MediaStore.class);

            assertThat(store).isInstanceOf(S3MediaStore.class);
            assertThat(store.publicUrl("users/1/a.jpg")).isEqualTo("http://127.0.0.1:9/photos/users/1/a.jpg");
        });
    }

    @Test
    void appliesTheConfiguredPixelLimit() {
        byte[] image = encode(bands(20, 10, BufferedImage.TYPE_INT_RGB, Color.RED), "png");

        context().withPropertyValues("glimpse.media.max-pixels=199").run(context -> {
            assertThatThrownBy(() -> context.getBean(ImageInspector.class).inspect(image))
                    .isInstanceOf(ImageTooLargeException.class);
            assertThatThrownBy(() -> context.getBean(ImageProcessor.class).renditions(image))
                    .isInstanceOf(ImageTooLargeException.class);
        });
        context().withPropertyValues("glimpse.media.max-pixels=200").run(context ->
                assertThat(context.getBean(ImageInspector.class).inspect(image).pixels()).isEqualTo(200));
    }
}
