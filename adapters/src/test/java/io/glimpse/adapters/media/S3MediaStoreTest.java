package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real S3 API: S3Mock in its own process, reached through {@link S3Clients} as configured in production. */
class S3MediaStoreTest extends MediaStoreContract {

    private static final String BUCKET = "glimpse-test";

    @TempDir
    static Path workDir;

    private static S3MockProcess s3Mock;
    private static S3Client s3;
    private static MediaProperties.S3 settings;

    @BeforeAll
    static void startS3Mock() throws Exception {
        s3Mock = S3MockProcess.start(workDir, BUCKET);
        settings = new MediaProperties.S3(URI.create(s3Mock.endpoint()), "us-east-1", BUCKET, true,
                "test-access-key", "test-secret-key", null);
        s3 = S3Clients.create(settings);
    }

    @AfterAll
    static void stopS3Mock() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (s3Mock != null) {
            s3Mock.close();
        }
    }

    @Override
    protected MediaStore store() {
        return new S3MediaStore(s3, BUCKET, settings.resolvedPublicBaseUrl());
    }

    @Override
    protected String publicBaseUrl() {
        return s3Mock.endpoint() + "/" + BUCKET;
    }

    @Test
    void keepsTheContentType() {
        store().put(key("posts/a/feed.jpg"), randomBytes(10), "image/jpeg");
        store().put(key("staging/b"), randomBytes(10), "image/webp");

        assertThat(contentTypeOf(key("posts/a/feed.jpg"))).isEqualTo("image/jpeg");
        assertThat(contentTypeOf(key("staging/b"))).isEqualTo("image/webp");
    }

    @Test
    void deleteAllFollowsTheListingAcrossPages() {
        MediaStore smallPages = new S3MediaStore(s3, BUCKET, settings.resolvedPublicBaseUrl(), 2);
        IntStream.range(0, 7).forEach(i -> smallPages.put(key("users/1/" + i + ".jpg"), randomBytes(10), "image/jpeg"));
        smallPages.put(key("users/2/kept.jpg"), randomBytes(10), "image/jpeg");

        smallPages.deleteAll(key("users/1/"));

        assertThat(s3.listObjectsV2(request -> request.bucket(BUCKET).prefix(key("users/1/"))).keyCount()).isZero();
        assertThat(smallPages.exists(key("users/2/kept.jpg"))).isTrue();
    }

    private String contentTypeOf(String key) {
        return s3.headObject(request -> request.bucket(BUCKET).key(key)).contentType();
    }
}
