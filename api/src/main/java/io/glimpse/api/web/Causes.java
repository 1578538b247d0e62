package io.glimpse.api.web;

/** Looks through an exception's chain of causes: frameworks wrap what the container threw. */
final class Causes {

    private Causes() {
    }

    static boolean include(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
