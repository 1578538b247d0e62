package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.stream.StreamEvent;
import io.glimpse.api.stream.StreamSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket of Mastodon's streaming API: the streams it subscribed to ({@code {"type":
 * "subscribe", "stream": "user"}}, or {@code ?stream=} when it connected), and the events of its
 * user's log that they carry, as {@code {"stream": ["user"], "event": "update", "payload": "..."}}
 * with the entity as JSON text. A notification goes once to each subscribed stream that carries it,
 * as Mastodon sends it. Refused subscriptions are answered {@code {"error": ..., "status": ...}} and
 * the socket stays open. Heartbeats are ping frames.
 */
final class MastodonSocket implements StreamSink {

    private static final Logger log = LoggerFactory.getLogger(MastodonSocket.class);

    /** The session must be thread-safe: events come from delivery threads, errors from the inbound one. */
    private final WebSocketSession session;
    private final Subscriber subscriber;
    private final MastodonStreamEvents events;
    private final ObjectMapper json;
    private final Set<MastodonStream> subscriptions = ConcurrentHashMap.newKeySet();

    MastodonSocket(WebSocketSession session, Subscriber subscriber, MastodonStreamEvents events, ObjectMapper json) {
        this.session = session;
        this.subscriber = subscriber;
        this.events = events;
        this.json = json;
    }

    /** A message from the client: subscribe or unsubscribe; other types are ignored, as Mastodon does. */
    void receive(String text) throws IOException {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException e) {
            error(400, "Error parsing JSON");
            return;
        }
        String stream = message.path("stream").asString("");
        switch (message.path("type").asString("")) {
            case "subscribe" -> subscribe(stream);
            case "unsubscribe" -> MastodonStream.named(stream).ifPresent(subscriptions::remove);
            default -> log.debug("Ignored a streaming message of type {}", message.path("type"));
        }
    }

    void subscribe(String name) throws IOException {
        var stream = MastodonStream.named(name);
        if (stream.isEmpty()) {
            error(400, "Unknown stream type");
        } else if (!subscriber.may(stream.get())) {
            error(401, StreamingGate.missingScope().getMessage());
        } else {
            subscriptions.add(stream.get());
        }
    }

    void error(int status, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", message);
        error.put("status", status);
        session.sendMessage(new TextMessage(json.writeValueAsString(error)));
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        Set<MastodonStream> now = subscriptions.isEmpty() ? Set.of() : EnumSet.copyOf(subscriptions);
        var translated = events.translate(event, subscriber, name -> now.stream().anyMatch(s -> s.carries(name)));
        if (translated.isEmpty()) {
            return;
        }
        for (MastodonStream stream : now) {
            if (stream.carries(translated.get().event())) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("stream", List.of(stream.streamName()));
                message.put("event", translated.get().event());
                message.put("payload", translated.get().payload());
                session.sendMessage(new TextMessage(json.writeValueAsString(message)));
            }
        }
    }

    @Override
    public void heartbeat() throws IOException {
        session.sendMessage(new PingMessage());
    }

    @Override
    public void complete() {
        close(CloseStatus.GOING_AWAY);
    }

    @Override
    public void fail(Exception error) {
        close(CloseStatus.SERVER_ERROR);
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing a streaming socket failed", e);
        }
    }
}
