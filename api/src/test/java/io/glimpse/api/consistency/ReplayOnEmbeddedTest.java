package io.glimpse.api.consistency;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class ReplayOnEmbeddedTest extends ReplayContract {
}
