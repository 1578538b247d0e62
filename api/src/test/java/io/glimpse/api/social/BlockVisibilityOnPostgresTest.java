package io.glimpse.api.social;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class BlockVisibilityOnPostgresTest extends BlockVisibilityContract {
}
