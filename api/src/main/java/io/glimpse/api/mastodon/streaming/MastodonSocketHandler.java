package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.stream.StreamConnection;
import io.glimpse.api.stream.StreamConnections;
import io.glimpse.api.stream.TooManyStreams;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Mastodon's streaming API over WebSocket ({@code GET /api/v1/streaming}, what masto.js and most
 * apps use): each socket is one stream of its user's log, counted against the same limit per user
 * as the native and SSE streams, with the subscriptions of {@link MastodonSocket}. The handshake
 * ({@link StreamingHandshake}) authenticated it and checked the flag and the limit.
 */
@Component
class MastodonSocketHandler extends TextWebSocketHandler {

    /** A send that waits longer than this for a slow client ends its socket. */
    private static final int SEND_TIME_LIMIT_MILLIS = 10_000;
    /** What may wait for a slow client (the events being written): beyond it the socket ends, memory stays bounded. */
    private static final int BUFFER_LIMIT_BYTES = 64 * 1024;
    private static final String SOCKET = MastodonSocket.class.getName();
    private static final String CONNECTION = StreamConnection.class.getName();

    private final StreamConnections connections;
    private final MastodonStreamEvents events;
    private final ObjectMapper json;

    MastodonSocketHandler(StreamConnections connections, MastodonStreamEvents events, ObjectMapper json) {
        this.connections = connections;
        this.events = events;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Subscriber subscriber = (Subscriber) session.getAttributes().get(StreamingHandshake.SUBSCRIBER);
        MastodonSocket socket = new MastodonSocket(
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT_BYTES),
                subscriber, events, json);
        session.getAttributes().put(SOCKET, socket);
        String stream = session.getUri() == null ? null
                : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("stream");
        if (stream != null) {
            socket.subscribe(stream); // before the stream opens, so that nothing after it is missed
        }
        try {
            session.getAttributes().put(CONNECTION, connections.open(subscriber.user().id(), socket));
        } catch (TooManyStreams e) { // another stream of the user opened since the handshake's check
            socket.error(429, StreamingGate.tooMany().getMessage());
            socket.close(CloseStatus.POLICY_VIOLATION);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        MastodonSocket socket = (MastodonSocket) session.getAttributes().get(SOCKET);
        if (socket != null) {
            socket.receive(message.getPayload());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        StreamConnection connection = (StreamConnection) session.getAttributes().get(CONNECTION);
        if (connection != null) {
            connection.closed();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
        session.close(CloseStatus.SERVER_ERROR);
    }
}
