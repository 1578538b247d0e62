package io.glimpse.api.mastodon.web;

import io.glimpse.api.mastodon.oauth.OAuthException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Mastodon API's own errors. Everything else its controllers raise goes through Glimpse's
 * problem+json handling and is then rewritten by {@link MastodonResponseFilter}. Errors are JSON
 * whatever the request's {@code Accept} says (a client asking for HTML still learns what failed).
 */
@RestControllerAdvice(basePackages = "io.glimpse.api.mastodon")
@Order(Ordered.HIGHEST_PRECEDENCE)
class MastodonErrorAdvice {

    @ExceptionHandler
    ResponseEntity<Map<String, String>> handle(MastodonException e) {
        // JSON whatever the request accepts: a stream's refusal is asked for as text/event-stream
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> handle(OAuthException e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
