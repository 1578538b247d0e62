package io.glimpse.api.notification;

import io.glimpse.api.support.EmbeddedGlimpse;

@EmbeddedGlimpse
class NotificationsApiOnEmbeddedTest extends NotificationsApiContract {
}
