package io.glimpse.api.admin;

import io.glimpse.processing.history.EventHistory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

/** The event history for analysts, streamed as NDJSON (admins only, like all of /api/admin). */
@RestController
class EventHistoryController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final EventHistory history;

    EventHistoryController(EventHistory history) {
        this.history = history;
    }

    /**
     * Written on the request's own thread, straight to the response, page by page: nothing is
     * collected first, so memory stays flat however long the history.
     */
    @GetMapping(value = "/api/admin/events", produces = "application/x-ndjson")
    void events(
            @RequestParam(defaultValue = "-1") long after,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long limit,
            HttpServletResponse response) throws IOException {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        EventHistory.Filter filter = new EventHistory.Filter(after, blankToNull(type), blankToNull(aggregateId),
                from, to, limit);
        response.setContentType(NDJSON.toString());
        history.write(filter, response.getOutputStream());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
