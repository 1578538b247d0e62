package io.glimpse.api.mastodon.oauth;

/** A new access token, with the refresh token of its session ({@code null} for app tokens). */
public record IssuedToken(String accessToken, String refreshToken, Scopes scopes, long createdAt) {
}
