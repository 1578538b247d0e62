package io.glimpse.api.post;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class PostsApiOnEmbeddedTest extends PostsApiContract {
}
