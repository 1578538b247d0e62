package io.glimpse.adapters.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * {@code glimpse.media.*}: where media is stored and how large an image may be.
 *
 * @param storage       {@code local} (files under {@code <glimpse.data-dir>/media}) or {@code s3}
 * @param publicBaseUrl where clients fetch local media; S3 media uses {@code s3.public-base-url}
 * @param maxPixels     the most pixels (width times height) an accepted image may have
 */
@ConfigurationProperties("glimpse.media")
public record MediaProperties(
        @DefaultValue("local") Storage storage,
        @DefaultValue("/media") String publicBaseUrl,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue S3 s3) {

    public enum Storage { LOCAL, S3 }

    public MediaProperties {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("glimpse.media.max-pixels must be positive");
        }
        if (storage == Storage.S3 && (s3.bucket() == null || s3.bucket().isBlank())) {
            throw new IllegalArgumentException("glimpse.media.s3.bucket is required when glimpse.media.storage is s3");
        }
    }

    /**
     * {@code glimpse.media.s3.*}; as environment variables {@code GLIMPSE_MEDIA_S3_ENDPOINT},
     * {@code GLIMPSE_MEDIA_S3_ACCESS_KEY} and so on.
     *
     * @param endpoint      only for S3-compatible stores such as MinIO; AWS itself needs none
     * @param pathStyle     {@code <endpoint>/<bucket>/<key>} instead of a bucket subdomain, which
     *                      MinIO and other self-hosted stores usually need
     * @param accessKey     with {@code secretKey}; both absent means the SDK's default credentials
     *                      chain (environment, profile, container or instance role)
     * @param publicBaseUrl where clients fetch objects, e.g. a CDN; by default the bucket's own URL
     */
    public record S3(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            String secretKey,
            String publicBaseUrl) {

        public S3 {
            if (isBlank(accessKey) != isBlank(secretKey)) {
                throw new IllegalArgumentException(
                        "glimpse.media.s3.access-key and glimpse.media.s3.secret-key go together");
            }
        }

        /** Path-style, as MinIO serves it, when there is an endpoint; AWS's virtual-hosted URL otherwise. */
        public String resolvedPublicBaseUrl() {
            if (!isBlank(publicBaseUrl)) {
                return publicBaseUrl;
            }
            if (endpoint != null) {
                return KeyRules.baseUrl(endpoint.toString()) + "/" + bucket;
            }
            return "https://" + bucket + ".s3." + region + ".amazonaws.com";
        }

        boolean hasStaticCredentials() {
            return !isBlank(accessKey);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
