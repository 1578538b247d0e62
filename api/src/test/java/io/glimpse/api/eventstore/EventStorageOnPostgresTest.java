package io.glimpse.api.eventstore;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class EventStorageOnPostgresTest extends EventStorageContract {
}
