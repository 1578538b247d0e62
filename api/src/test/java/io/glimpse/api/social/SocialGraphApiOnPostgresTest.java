package io.glimpse.api.social;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class SocialGraphApiOnPostgresTest extends SocialGraphApiContract {
}
