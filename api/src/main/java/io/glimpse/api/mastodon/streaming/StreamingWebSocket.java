package io.glimpse.api.mastodon.streaming;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.util.List;

/**
 * Serves the WebSocket form of Mastodon's streaming API at {@code /api/v1/streaming} (and with a
 * trailing slash, as some apps ask for it). Open to any origin, as Mastodon's is: only tokens,
 * never cookies, authenticate. Incoming messages are limited by Tomcat's 8 KiB text buffer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamingWebSocket implements WebSocketConfigurer {

    static final String[] PATHS = {"/api/v1/streaming", "/api/v1/streaming/"};

    private final MastodonSocketHandler handler;
    private final StreamingHandshake handshake;

    StreamingWebSocket(MastodonSocketHandler handler, StreamingHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATHS)
                .setHandshakeHandler(new FirstProtocolHandshakeHandler())
                .addInterceptors(handshake)
                .setAllowedOriginPatterns("*");
    }

    /**
     * A browser cannot set headers on a WebSocket, so Mastodon clients (masto.js by default) send
     * their access token as the subprotocol ({@code Sec-WebSocket-Protocol}); a client that offered
     * subprotocols fails unless the answer names one. Like Mastodon's server (the {@code ws}
     * library's default), the first one offered is chosen.
     */
    static final class FirstProtocolHandshakeHandler extends DefaultHandshakeHandler {

        @Override
        protected String selectProtocol(List<String> requestedProtocols, WebSocketHandler webSocketHandler) {
            return requestedProtocols.isEmpty() ? null : requestedProtocols.get(0);
        }
    }
}
