package io.glimpse.api.mastodon;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class MastodonApiOnPostgresTest extends MastodonApiContract {
}
