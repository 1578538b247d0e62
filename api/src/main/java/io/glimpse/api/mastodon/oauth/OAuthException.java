package io.glimpse.api.mastodon.oauth;

import org.springframework.http.HttpStatus;

/** An OAuth 2 error (RFC 6749 section 5.2), answered as {@code {"error", "error_description"}}. */
public class OAuthException extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private final String error;

    public OAuthException(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public HttpStatus status() {
        return INVALID_CLIENT.equals(error) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
    }
}
