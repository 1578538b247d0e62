package io.glimpse.api.web;

import java.io.IOException;

/** A request body over its limit ({@link BodyLimitFilter}): answered 413. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
