package io.glimpse.adapters.media;

import io.glimpse.adapters.media.MediaProperties.Storage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaPropertiesTest {

    /** The environment docker-compose.yml gives the app service. */
    @Test
    void bindsTheEnvironmentVariablesOfTheComposeFile() {
        MediaProperties media = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "GLIMPSE_MEDIA_STORAGE", "s3",
                        "GLIMPSE_MEDIA_S3_ENDPOINT", "http://minio:9000",
                        "GLIMPSE_MEDIA_S3_BUCKET", "glimpse-media",
                        "GLIMPSE_MEDIA_S3_PATH_STYLE", "true",
                        "GLIMPSE_MEDIA_S3_REGION", "eu-central-1",
                        "GLIMPSE_MEDIA_S3_ACCESS_KEY", "glimpse",
                        "GLIMPSE_MEDIA_S3_SECRET_KEY", "glimpse-minio-secret",
                        "GLIMPSE_MEDIA_MAX_PIXELS", "1000")));

        assertThat(media.storage()).isEqualTo(Storage.S3);
        assertThat(media.maxPixels()).isEqualTo(1000);
        assertThat(media.s3()).isEqualTo(new MediaProperties.S3(URI.create("http://minio:9000"), "eu-central-1",
                "glimpse-media", true, "glimpse", "glimpse-minio-secret", null));
        assertThat(media.s3().resolvedPublicBaseUrl()).isEqualTo("http://minio:9000/glimpse-media");
    }

    @Test
    void defaultsToLocalDiskServedUnderMedia() {
        MediaProperties media = bind(Map.of());

        assertThat(media.storage()).isEqualTo(Storage.LOCAL);
        assertThat(media.publicBaseUrl()).isEqualTo("/media");
        assertThat(media.maxPixels()).isEqualTo(ImageInspector.DEFAULT_MAX_PIXELS);
        assertThat(media.s3().region()).isEqualTo("us-east-1");
        assertThat(media.s3().pathStyle()).isFalse();
        assertThat(media.s3().endpoint()).isNull();
        assertThat(media.s3().hasStaticCredentials()).isFalse();
    }

    @Test
    void thePublicBaseUrlOfS3IsTheBucketsOwnUnlessConfigured() {
        assertThat(bind(Map.of("glimpse.media.s3.bucket", "photos", "glimpse.media.s3.region", "eu-west-1"))
                .s3().resolvedPublicBaseUrl()).isEqualTo("https://photos.s3.eu-west-1.amazonaws.com");
        assertThat(bind(Map.of("glimpse.media.s3.bucket", "photos", "glimpse.media.s3.endpoint", "http://localhost:9000/"))
                .s3().resolvedPublicBaseUrl()).isEqualTo("http://localhost:9000/photos");
        assertThat(bind(Map.of("glimpse.media.s3.bucket", "photos", "glimpse.media.s3.endpoint", "http://minio:9000",
                "glimpse.media.s3.public-base-url", "https://cdn.example.com"))
                .s3().resolvedPublicBaseUrl()).isEqualTo("https://cdn.example.com");
    }

    @Test
    void refusesS3WithoutABucket() {
        assertThatThrownBy(() -> bind(Map.of("glimpse.media.storage", "s3")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("glimpse.media.s3.bucket");
    }

    @Test
    void refusesAnAccessKeyWithoutItsSecret() {
        assertThatThrownBy(() -> bind(Map.of("glimpse.media.s3.access-key", "glimpse")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("secret-key");
    }

    @Test
    void refusesAnUnknownStorage() {
        assertThatThrownBy(() -> bind(Map.of("glimpse.media.storage", "ftp"))).isInstanceOf(BindException.class);
    }

    private static MediaProperties bind(Map<String, Object> properties) {
        return bind(new MapPropertySource("test", properties));
    }

    private static MediaProperties bind(PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(List.of(source)))
                .bindOrCreate("glimpse.media", MediaProperties.class);
    }
}
