package io.glimpse.api.timeline;

import io.glimpse.api.support.PostgresGlimpse;

/** Timelines in the SQL store on PostgreSQL. */
@PostgresGlimpse
class TimelineApiOnPostgresTest extends TimelineApiContract {
}
