package io.glimpse.api.auth;

import io.glimpse.api.user.UserResponse;

/** What register, login and refresh answer. */
final class Tokens {

    private Tokens() {
    }

    /** @param expiresIn seconds until the access token expires */
    record Pair(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    record Session(UserResponse user, String accessToken, String refreshToken, long expiresIn, String tokenType) {

        static Session of(UserResponse user, Pair tokens) {
            return new Session(user, tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
                    tokens.tokenType());
        }
    }
}
