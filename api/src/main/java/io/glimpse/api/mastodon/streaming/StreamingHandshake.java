package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.security.AuthenticatedUser;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Before a streaming WebSocket opens: the Mastodon security chain has authenticated the caller
 * (the token from the {@code Authorization} header, {@code access_token} or
 * {@code Sec-WebSocket-Protocol}); here the flag and the limit per user are checked, and who
 * subscribes is kept for the socket. A refusal is an HTTP answer, {@code {"error": ...}}.
 */
@Component
class StreamingHandshake implements HandshakeInterceptor {

    static final String SUBSCRIBER = Subscriber.class.getName();

    private final StreamingGate gate;
    private final ObjectMapper json;

    StreamingHandshake(StreamingGate gate, ObjectMapper json) {
        this.gate = gate;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)
                || !(request instanceof ServletServerHttpRequest servlet)) {
            return refuse(response, new MastodonException(401, "The access token is invalid"));
        }
        Subscriber subscriber = Subscriber.of(user, servlet.getServletRequest());
        var refusal = gate.check(subscriber);
        if (refusal.isPresent()) {
            return refuse(response, refusal.get());
        }
        attributes.put(SUBSCRIBER, subscriber);
        return true;
    }

    private boolean refuse(ServerHttpResponse response, MastodonException refusal) throws IOException {
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(refusal.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(json.writeValueAsBytes(Map.of("error", refusal.getMessage())));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do: the socket handler takes over
    }
}
