package io.glimpse.api.mastodon.oauth;

import io.glimpse.api.web.Queries;
import io.glimpse.query.user.Credentials;
import io.glimpse.query.user.UserQueries.FindCredentials;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Checks a login (username or email) and password for the OAuth login page and the password
 * grant, against the same credentials as {@code POST /api/auth/login}. An unknown login is checked
 * against a decoy hash, so that it takes as long as a wrong password.
 */
@Component
class LoginCheck {

    private final Queries queries;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    LoginCheck(Queries queries, PasswordEncoder passwords) {
        this.queries = queries;
        this.passwords = passwords;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** @return the user's id, or empty for a wrong login or password */
    Optional<UUID> check(String login, String password) {
        if (login == null || login.isBlank() || password == null || login.length() > 254 || password.length() > 128) {
            return Optional.empty();
        }
        Optional<Credentials> credentials = queries.optional(new FindCredentials(login.trim()), Credentials.class);
        boolean matches = passwords.matches(password, credentials.map(Credentials::passwordHash).orElse(decoyHash));
        return credentials.filter(found -> matches).map(Credentials::userId);
    }
}
