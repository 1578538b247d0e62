package io.glimpse.api.mastodon.streaming;

/**
 * One event of Mastodon's streaming API: {@code update} (a Status as JSON text), {@code notification}
 * (a Notification as JSON text) or {@code delete} (a status id).
 */
record MastodonEvent(String event, String payload) {

    static final String UPDATE = "update";
    static final String NOTIFICATION = "notification";
    static final String DELETE = "delete";
}
