package io.glimpse.api.auth;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class AccountsApiOnEmbeddedTest extends AccountsApiContract {
}
