package io.glimpse.api.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;

/** Timelines in the SQL store of the embedded default. */
@EmbeddedGlimpse
class TimelineApiOnEmbeddedTest extends TimelineApiContract {
}
