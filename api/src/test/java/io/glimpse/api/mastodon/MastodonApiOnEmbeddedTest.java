package io.glimpse.api.mastodon;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class MastodonApiOnEmbeddedTest extends MastodonApiContract {
}
