package io.glimpse.query.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a list ordered by (time, id): the last item of the page before. Opaque to
 * clients (URL-safe Base64), and stable while new items arrive, which offsets are not.
 */
public record Cursor(Instant time, UUID id) {

    public String encode() {
        String raw = time.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the decoded cursor, or {@code null} for a missing one (the first page) */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException malformed) {
            throw new InvalidCursorException();
        }
    }
}
