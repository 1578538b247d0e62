package io.glimpse.api.user;

import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.Queries;
import io.glimpse.query.user.UserQueries.FindUserById;
import io.glimpse.query.user.UserQueries.FindUserByUsername;
import io.glimpse.query.user.UserView;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Finds users in the users read model for the controllers. */
@Component
public class UserDirectory {

    private final Queries queries;

    UserDirectory(Queries queries) {
        this.queries = queries;
    }

    public Optional<UserView> find(String username) {
        return queries.optional(new FindUserByUsername(username), UserView.class);
    }

    public UserView require(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("No user named " + username));
    }

    public UserView require(UUID userId) {
        return queries.optional(new FindUserById(userId), UserView.class)
                .orElseThrow(() -> new NotFoundException("No such user"));
    }
}
