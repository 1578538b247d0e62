package io.glimpse.api.engagement;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class EngagementApiOnPostgresTest extends EngagementApiContract {
}
