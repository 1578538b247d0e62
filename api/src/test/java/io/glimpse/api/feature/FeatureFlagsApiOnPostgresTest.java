package io.glimpse.api.feature;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class FeatureFlagsApiOnPostgresTest extends FeatureFlagsApiContract {
}
