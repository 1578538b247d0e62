package io.glimpse.api.admin;

import io.glimpse.api.support.PostgresGlimpse;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Dead letters in PostgreSQL. */
@PostgresGlimpse
@Import(DeadLettersContract.Poison.class)
@TestPropertySource(properties = {"glimpse.dead-letters.automatic-retries=1",
        "glimpse.dead-letters.first-retry-after=1s", "glimpse.dead-letters.retry-interval=200ms"})
class DeadLettersOnPostgresTest extends DeadLettersContract {
}
