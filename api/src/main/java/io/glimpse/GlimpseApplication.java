package io.glimpse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The deployable Glimpse API. Scans all four modules: they share the {@code io.glimpse} root. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GlimpseApplication {

    public static void main(String[] args) {
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
