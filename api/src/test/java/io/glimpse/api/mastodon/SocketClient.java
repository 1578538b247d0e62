package io.glimpse.api.mastodon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client for the tests (the JDK's): collects the text messages and counts the pings
 * (which the JDK answers with pongs by itself). A refused handshake keeps its HTTP status.
 */
final class SocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private WebSocket socket;
    private int refusedWith;

    /** Connects with these subprotocols (Mastodon clients' token) and headers. */
    static SocketClient open(URI uri, List<String> subprotocols, Map<String, String> headers) {
        SocketClient client = new SocketClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(uri, client.new Listener()).join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof WebSocketHandshakeException refused)) {
                throw e;
            }
            client.refusedWith = refused.getResponse().statusCode();
        }
        return client;
    }

    /** 101 when it connected, else the status of the refused handshake. */
    int status() {
        return socket != null ? 101 : refusedWith;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    int pings() {
        return pings.get();
    }

    /** The close code the server sent, waiting up to {@code timeout}. */
    int closeCode(Duration timeout) throws Exception {
        return closedWith.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next text message, waiting up to 10 seconds; fails if none comes. */
    String next() {
        try {
            String message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("No message within 10 s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages that arrive within {@code quiet}, without failing when none does. */
    List<String> drain(Duration quiet) {
        List<String> drained = new ArrayList<>();
        try {
            String message;
            while ((message = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drained.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return drained;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(error -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.completeExceptionally(error);
        }
    }
}
