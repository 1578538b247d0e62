package io.glimpse.api.eventstore;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class EventStorageOnEmbeddedTest extends EventStorageContract {
}
