package io.glimpse.api.stream;

import java.util.Optional;

/**
 * An event's id in a user's stream log, {@code millis-sequence} as Redis stream ids are (so both
 * logs use one format): ordered, and the time part tells when it was written.
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static final StreamId ZERO = new StreamId(0, 0);

    /** Empty for anything that is not an id this server gave out (a client's bad {@code Last-Event-ID}). */
    static Optional<StreamId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int dash = text.indexOf('-');
        try {
            return dash < 1 ? Optional.empty()
                    : Optional.of(new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1))))
                    .filter(id -> id.millis >= 0 && id.sequence >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The next id after this one at {@code now}: later in time, or the same millisecond's next. */
    StreamId next(long now) {
        return now > millis ? new StreamId(now, 0) : new StreamId(millis, sequence + 1);
    }

    @Override
    public int compareTo(StreamId other) {
        int byTime = Long.compare(millis, other.millis);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
