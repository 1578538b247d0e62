package io.glimpse.api.consistency;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class ReplayOnPostgresTest extends ReplayContract {
}
