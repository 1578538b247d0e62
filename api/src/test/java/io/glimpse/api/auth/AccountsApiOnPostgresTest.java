package io.glimpse.api.auth;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class AccountsApiOnPostgresTest extends AccountsApiContract {
}
