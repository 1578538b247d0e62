package io.glimpse.query.media;

/**
 * What media code throws for input it will not take or a file that is not there, so the API can
 * answer each case with a 4xx of its own instead of a 500. Storage outages are not among them:
 * they surface as the underlying I/O or SDK exception.
 */
public abstract class MediaException extends RuntimeException {

    protected MediaException(String message) {
        super(message);
    }

    protected MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
