package io.glimpse.api.support;

import io.glimpse.api.config.DataDirectoryEnvironmentPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Gives each test application context its own empty data directory (and H2 database in it). */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir = newDirectory();
        Map<String, Object> properties = new HashMap<>();
        properties.put("glimpse.data-dir", dataDir.toString());
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            properties.put("spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve("glimpse") + DataDirectoryEnvironmentPostProcessor.H2_OPTIONS);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("freshDataDirectory", properties));
    }

    static Path newDirectory() {
        try {
            Path target = Path.of("target", "test-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "glimpse-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
