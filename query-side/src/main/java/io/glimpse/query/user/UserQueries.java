package io.glimpse.query.user;

import io.glimpse.query.paging.Cursor;

import java.util.List;
import java.util.UUID;

/** Queries answered by the users read model. */
public final class UserQueries {

    private UserQueries() {
    }

    public record FindUserByUsername(String username) {
    }

    public record FindUserById(UUID userId) {
    }

    /** @param login a username or an email address, in any case */
    public record FindCredentials(String login) {
    }

    /**
     * Newest accounts first; {@code search} matches the start of usernames and display names.
     *
     * @param after the last user of the previous page, {@code null} for the first page
     */
    public record ListUsers(String search, Cursor after, int limit) {
    }

    public record UserPage(List<UserView> items, String nextCursor) {
    }
}
