package io.glimpse.api.mastodon.oauth;

import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636), S256 only: "plain" would defeat its purpose. */
final class Pkce {

    private Pkce() {
    }

    static boolean verifies(String challenge, String verifier) {
        if (challenge == null) {
            return true;
        }
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.sha256(verifier));
        return Secrets.same(challenge, computed);
    }
}
