package io.glimpse.api.cluster;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Glimpse-Consistency} header: every write that stored events answers with it, and a
 * read that carries it waits (bounded by {@code glimpse.consistency.timeout}) until every read
 * model has processed that write, on whichever node it lands. Its value is opaque to clients;
 * it is the global index of the write's newest event.
 */
public final class ConsistencyToken {

    public static final String HEADER = "Glimpse-Consistency";

    private ConsistencyToken() {
    }

    /** Sets the header on the response of the request being handled, if there is one (not for commands sent by a processor). */
    public static void issue(long globalIndex) {
        if (globalIndex >= 0 && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpServletResponse response = request.getResponse();
            if (response != null && !response.isCommitted()) {
                response.setHeader(HEADER, Long.toString(globalIndex));
            }
        }
    }

    /** The global index a header names; empty when it is malformed. */
    static java.util.OptionalLong parse(String value) {
        try {
            long index = Long.parseLong(value.trim());
            return index < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(index);
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
