package io.glimpse.api.web;

/** Something the viewer asked for does not exist, or is hidden from them. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
