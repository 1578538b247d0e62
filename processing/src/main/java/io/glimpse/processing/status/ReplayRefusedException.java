package io.glimpse.processing.status;

/** A replay that must not start now, or ever, for this processor (the API answers 409). */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String message) {
        super(message);
    }
}
