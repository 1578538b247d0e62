package io.glimpse.api.engagement;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class EngagementApiOnEmbeddedTest extends EngagementApiContract {
}
