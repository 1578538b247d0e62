package io.glimpse.api.admin;

import io.glimpse.api.support.EmbeddedGlimpse;

/** Admin operations on the embedded default. */
@EmbeddedGlimpse
class AdminApiOnEmbeddedTest extends AdminApiContract {
}
