package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;

/** The media store {@code glimpse.media.storage} names: local disk by default, S3 in production. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties media, @Value("${glimpse.data-dir}") Path dataDir,
                          ObjectProvider<S3Client> s3) {
        return switch (media.storage()) {
            case LOCAL -> new LocalDiskMediaStore(dataDir.resolve("media"), media.publicBaseUrl());
            case S3 -> new S3MediaStore(s3.getObject(), media.s3().bucket(), media.s3().resolvedPublicBaseUrl());
        };
    }

    /** Lazy, so that local storage never builds it; a bean, so that the context closes it on shutdown. */
    @Bean
    @Lazy
    S3Client mediaS3Client(MediaProperties media) {
        return S3Clients.create(media.s3());
    }
}
