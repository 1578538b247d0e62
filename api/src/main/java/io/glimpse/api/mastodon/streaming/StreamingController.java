package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.stream.StreamConnections;
import io.glimpse.api.stream.TooManyStreams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Mastodon's streaming API in its Server-Sent Events form, on the same per-user stream log as
 * {@code GET /api/stream}, under the same limits and feature flag. The WebSocket form is
 * {@link MastodonSocketHandler}.
 */
@RestController
class StreamingController {

    private final StreamConnections connections;
    private final MastodonStreamEvents events;
    private final StreamingGate gate;

    StreamingController(StreamConnections connections, MastodonStreamEvents events, StreamingGate gate) {
        this.connections = connections;
        this.events = events;
        this.gate = gate;
    }

    @GetMapping("/api/v1/streaming/health")
    ResponseEntity<String> health() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
    }

    @GetMapping("/api/v1/streaming/user")
    SseEmitter user(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
        return open(MastodonStream.USER, me, request);
    }

    @GetMapping("/api/v1/streaming/user/notification")
    SseEmitter notifications(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
        return open(MastodonStream.USER_NOTIFICATION, me, request);
    }

    private SseEmitter open(MastodonStream stream, AuthenticatedUser me, HttpServletRequest request) {
        Subscriber subscriber = Subscriber.of(me, request);
        var refusal = gate.check(subscriber);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (!subscriber.may(stream)) {
            throw StreamingGate.missingScope();
        }
        try {
            return connections.openSse(me.id(), emitter -> new MastodonSseSink(emitter, stream, subscriber, events));
        } catch (TooManyStreams e) {
            throw StreamingGate.tooMany();
        }
    }
}
