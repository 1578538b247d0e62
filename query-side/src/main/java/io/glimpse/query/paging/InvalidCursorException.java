package io.glimpse.query.paging;

/** A cursor that this server did not hand out. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException() {
        super("The cursor is not valid for this list");
    }
}
