package io.glimpse.api.post;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class PostsApiOnPostgresTest extends PostsApiContract {
}
