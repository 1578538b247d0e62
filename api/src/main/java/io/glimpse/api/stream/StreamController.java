package io.glimpse.api.stream;

import io.glimpse.api.feature.FeatureGate;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.security.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.Optional;

/**
 * The caller's live feed as Server-Sent Events (docs/live-updates.md). Authenticated by the
 * {@code Authorization} header, or by a single-use ticket in {@code ?ticket=} for EventSource,
 * which cannot set headers; never by the access token in the URL. Gated by the {@code live-stream} flag.
 */
@RestController
@RequestMapping("/api/stream")
class StreamController {

    private final StreamConnections connections;
    private final StreamTickets tickets;
    private final StreamProperties properties;
    private final FeatureGate features;
    private final Sessions sessions;

    StreamController(StreamConnections connections, StreamTickets tickets, StreamProperties properties,
                     FeatureGate features, Sessions sessions) {
        this.connections = connections;
        this.tickets = tickets;
        this.properties = properties;
        this.features = features;
        this.sessions = sessions;
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> ticket(@AuthenticationPrincipal AuthenticatedUser me) {
        features.require(FeatureGate.LIVE_STREAM, me);
        return Map.of("ticket", tickets.issue(me), "expiresIn", properties.ticketTtl().toSeconds());
    }

    /**
     * {@code Last-Event-ID} (the header EventSource sends on its own reconnects, or {@code lastEventId}
     * for a client that opens a new EventSource with a new ticket) resumes after that event.
     */
    @GetMapping
    SseEmitter stream(@AuthenticationPrincipal AuthenticatedUser bearer,
                      @RequestParam(required = false) String ticket,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        AuthenticatedUser me = bearer != null ? bearer : redeemed(ticket);
        features.require(FeatureGate.LIVE_STREAM, me);
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter;
        return connections.open(me.id(), StreamId.parse(lastEventId));
    }

    private AuthenticatedUser redeemed(String ticket) {
        return Optional.ofNullable(ticket).flatMap(tickets::redeem)
                .filter(user -> sessions.isActive(user.sessionId()))
                .orElseThrow(() -> unauthorized(ticket == null
                        ? "A stream needs an Authorization header or a ticket from POST /api/stream/tickets"
                        : "This ticket is unknown, used or expired; get a new one from POST /api/stream/tickets"));
    }

    private static ErrorResponseException unauthorized(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Unauthorized");
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
}
