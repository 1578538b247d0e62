package io.glimpse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The deployable Glimpse API. Scans all four modules: they share the {@code io.glimpse} root.
 * Accounts are Glimpse's own (bearer tokens), so Spring Boot's generated in-memory user, whose
 * password it would log at startup, is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class GlimpseApplication {

    public static void main(String[] args) {
        SpringApplication.run(GlimpseApplication.class, args);
    }
}
