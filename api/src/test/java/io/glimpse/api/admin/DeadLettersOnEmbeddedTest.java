package io.glimpse.api.admin;

import io.glimpse.api.support.EmbeddedGlimpse;

/** Dead letters in the embedded database. */
@EmbeddedGlimpse
class DeadLettersOnEmbeddedTest extends DeadLettersContract {
}
