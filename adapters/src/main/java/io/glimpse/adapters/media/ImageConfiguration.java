package io.glimpse.adapters.media;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The image checks and renditions, with the pixel limit from {@code glimpse.media.max-pixels}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class ImageConfiguration {

    @Bean
    ImageInspector imageInspector(MediaProperties media) {
        return new ImageInspector(media.maxPixels());
    }

    @Bean
    ImageProcessor imageProcessor(ImageInspector inspector) {
        return new ImageProcessor(inspector);
    }
}
