package io.glimpse.query.social;

import io.glimpse.query.user.UserView;

/** A user as one viewer sees them; {@code relation} is {@code null} for an anonymous viewer. */
public record ViewedUser(UserView user, Relation relation) {
}
