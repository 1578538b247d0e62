package io.glimpse.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application with the postgres profile, on the database {@code glimpse_test} (emptied
 * when the context starts; scripts/test.sh creates it), on a random port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "glimpse.security.admin-usernames=" + ApiTest.ADMIN,
        "glimpse.timeline.celebrity-threshold=" + ApiTest.CELEBRITY_THRESHOLD,
        PoisonProcessor.RETRY_ONCE_AFTER_A_SECOND, PoisonProcessor.FIRST_RETRY_AFTER, PoisonProcessor.RETRY_INTERVAL,
        // Tests register many users from one address; the rate-limit tests switch limits on.
        "glimpse.rate-limits.enabled=false",
        "spring.datasource.url=${GLIMPSE_TEST_POSTGRES_URL:jdbc:postgresql://127.0.0.1:5432/glimpse_test}",
        "spring.flyway.clean-disabled=false"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = FreshDataDirectory.class)
@Import({CleanDatabase.class, PoisonProcessor.Registration.class})
public @interface PostgresGlimpse {
}
