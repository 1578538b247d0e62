package io.glimpse.api.admin;

import io.glimpse.api.support.PostgresGlimpse;

/** Admin operations on PostgreSQL. */
@PostgresGlimpse
class AdminApiOnPostgresTest extends AdminApiContract {
}
