package io.glimpse.api.stream;

import io.glimpse.api.security.AuthenticatedUser;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Short-lived, single-use tickets for EventSource clients, which cannot send an
 * {@code Authorization} header: the ticket stands in the URL instead of the access token, so a
 * URL that ends up in a log or a browser's history opens nothing once used or a few seconds old.
 */
interface StreamTickets {

    /** A new ticket for this caller (256 random bits, URL-safe). */
    String issue(AuthenticatedUser user);

    /** The caller the ticket was issued to, once: a second use, an expired or an unknown ticket is empty. */
    Optional<AuthenticatedUser> redeem(String ticket);

    static String newTicket(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
