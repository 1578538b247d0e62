package io.glimpse.api.social;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class BlockVisibilityOnEmbeddedTest extends BlockVisibilityContract {
}
