package io.glimpse.query.user;

import io.glimpse.query.user.UserQueries.FindCredentials;
import io.glimpse.query.user.UserQueries.FindUserById;
import io.glimpse.query.user.UserQueries.FindUserByUsername;
import io.glimpse.query.user.UserQueries.ListUsers;
import io.glimpse.query.user.UserQueries.UserPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class UserQueryHandler {

    private final UserViewRepository users;

    UserQueryHandler(UserViewRepository users) {
        this.users = users;
    }

    @QueryHandler
    Optional<UserView> handle(FindUserByUsername query) {
        return users.findByUsername(query.username());
    }

    @QueryHandler
    Optional<UserView> handle(FindUserById query) {
        return users.findById(query.userId());
    }

    @QueryHandler
    Optional<Credentials> handle(FindCredentials query) {
        return users.findCredentials(query.login());
    }

    @QueryHandler
    UserPage handle(ListUsers query) {
        var slice = users.list(query.search(), query.after(), query.limit());
        return new UserPage(slice.items(), slice.nextCursor());
    }
}
