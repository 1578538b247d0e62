package io.glimpse.command;

import org.axonframework.common.AxonNonTransientException;

/**
 * A command the domain refuses. The {@link Reason} says why in terms the API maps to a status code;
 * the command side itself knows nothing about HTTP. Non-transient, so the command gateway never
 * retries a rejection.
 */
public class CommandRejectedException extends AxonNonTransientException {

    public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final String field;

    private CommandRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static CommandRejectedException invalid(String field, String message) {
        return new CommandRejectedException(Reason.INVALID, field, message);
    }

    public static CommandRejectedException forbidden(String message) {
        return new CommandRejectedException(Reason.FORBIDDEN, null, message);
    }

    public static CommandRejectedException notFound(String message) {
        return new CommandRejectedException(Reason.NOT_FOUND, null, message);
    }

    public static CommandRejectedException conflict(String field, String message) {
        return new CommandRejectedException(Reason.CONFLICT, field, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The input field the rejection is about, or {@code null} when it is about the whole command. */
    public String field() {
        return field;
    }
}
