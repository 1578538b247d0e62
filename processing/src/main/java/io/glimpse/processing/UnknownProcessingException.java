package io.glimpse.processing;

/** An event processor or a dead letter asked for by name or id does not exist (the API answers 404). */
public class UnknownProcessingException extends RuntimeException {

    public UnknownProcessingException(String message) {
        super(message);
    }
}
