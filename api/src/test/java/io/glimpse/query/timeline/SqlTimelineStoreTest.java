package io.glimpse.query.timeline;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class SqlTimelineStoreTest extends SqlTimelineStoreContract {
}
