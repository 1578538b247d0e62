package io.glimpse.api.web;

/** Looks through an exception's chain of causes: frameworks wrap what the container threw. */
final class Causes {

    private Causes() {
    }

    /** The first exception of {@code type} in the chain from {@code e}, or {@code null}. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
