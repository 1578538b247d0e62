package io.glimpse.command.user;

import java.util.UUID;

/**
 * Set validation for accounts: a username or email belongs to at most one account. Implementations
 * record claims in the same transaction as the events of the command that makes them, so a claim
 * exists exactly when the account's events do.
 */
public interface AccountClaims {

    /**
     * Claims both, or throws a CONFLICT {@link io.glimpse.command.CommandRejectedException} naming
     * the field that is taken.
     */
    void claim(UUID userId, String username, String email);

    /** Frees the account's email (usernames stay reserved forever). */
    void releaseEmail(UUID userId);
}
