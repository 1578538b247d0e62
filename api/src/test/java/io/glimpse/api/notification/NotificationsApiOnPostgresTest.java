package io.glimpse.api.notification;

import io.glimpse.api.support.PostgresGlimpse;

@PostgresGlimpse
class NotificationsApiOnPostgresTest extends NotificationsApiContract {
}
