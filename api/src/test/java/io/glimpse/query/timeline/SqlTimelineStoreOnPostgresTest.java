package io.glimpse.query.timeline;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class SqlTimelineStoreOnPostgresTest extends SqlTimelineStoreContract {
}
