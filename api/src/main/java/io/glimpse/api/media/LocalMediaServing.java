package io.glimpse.api.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Serves media stored on local disk at {@code /media/**}. Only finished renditions and avatars
 * live there under {@code users/}; uploads in {@code staging/} are not served. Every key is written
 * once and never changed, so browsers and CDNs may cache it for good.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "glimpse.media.storage", havingValue = "local", matchIfMissing = true)
class LocalMediaServing implements WebMvcConfigurer {

    private final Path mediaRoot;

    LocalMediaServing(@Value("${glimpse.data-dir}") Path dataDir) {
        this.mediaRoot = dataDir.resolve("media");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/media/users/**")
                .addResourceLocations(mediaRoot.resolve("users").toUri().toString() + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
