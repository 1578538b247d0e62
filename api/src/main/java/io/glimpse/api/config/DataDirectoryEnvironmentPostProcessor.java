package io.glimpse.api.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the embedded default need no configuration: resolves {@code glimpse.data-dir} to an
 * absolute path once (H2 refuses implicitly relative paths) and points the datasource at an H2 file
 * database inside it (H2 creates the directory) unless a datasource URL was configured, as the
 * postgres profile does.
 */
public class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /**
     * {@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 2.4.240 reuses the last result of an
     * {@code exists (...)} subquery with the same parameters even after its own transaction
     * changed the table, so a processor batch that deletes a post and then handles a like of it
     * kept the like (PostsProjectionTest; H2 2.3.232 did not do this).
     * {@code WRITE_DELAY=0}: each commit is written to the file before it returns. H2 otherwise
     * writes commits in the background up to 500 ms later, so a process killed with SIGKILL (or a
     * crash) lost writes it had already acknowledged, events included (FanOutSurvivesAKillTest).
     */
    public static final String H2_OPTIONS =
            ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;WRITE_DELAY=0";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("glimpse.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new HashMap<>();
        derived.put("glimpse.data-dir", dataDir.toString());
        if (!environment.containsProperty("spring.datasource.url")) {
            derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("glimpse") + H2_OPTIONS);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("glimpseDataDirectory", derived));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
