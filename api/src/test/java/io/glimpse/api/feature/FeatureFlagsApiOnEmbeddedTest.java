package io.glimpse.api.feature;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class FeatureFlagsApiOnEmbeddedTest extends FeatureFlagsApiContract {
}
