package io.glimpse.api.admin;

import io.glimpse.api.support.PostgresGlimpse;

/** Dead letters in PostgreSQL. */
@PostgresGlimpse
class DeadLettersOnPostgresTest extends DeadLettersContract {
}
