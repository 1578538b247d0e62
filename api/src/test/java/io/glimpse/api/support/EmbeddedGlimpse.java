package io.glimpse.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole application on the embedded default (H2 file database in a fresh data directory), on a random port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"glimpse.security.admin-usernames=" + ApiTest.ADMIN,
                "glimpse.timeline.celebrity-threshold=" + ApiTest.CELEBRITY_THRESHOLD,
                PoisonProcessor.RETRY_ONCE_AFTER_A_SECOND, PoisonProcessor.FIRST_RETRY_AFTER, PoisonProcessor.RETRY_INTERVAL,
                // Tests register many users from one address; the rate-limit tests switch limits on.
                "glimpse.rate-limits.enabled=false"})
@ContextConfiguration(initializers = FreshDataDirectory.class)
@Import(PoisonProcessor.Registration.class)
public @interface EmbeddedGlimpse {
}
