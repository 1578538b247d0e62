package io.glimpse.api.stream;

import java.util.UUID;

/**
 * One event of a user's stream: its id, its SSE event name and its JSON data.
 * {@link #MARK} entries only give a stream a position to start from and are never sent.
 */
record StreamEvent(String id, String type, String data) {

    static final String MARK = "mark";

    boolean isMark() {
        return MARK.equals(type);
    }

    /** An event to append to a user's log; the log gives it its id. */
    record New(UUID userId, String type, String data) {
    }
}
