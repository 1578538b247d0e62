package io.glimpse.api.user;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.Queries;
import io.glimpse.query.social.BlockPolicy;
import io.glimpse.query.social.Relation;
import io.glimpse.query.social.SocialQueries.FindRelation;
import io.glimpse.query.social.ViewedUser;
import io.glimpse.query.user.UserQueries.FindUserById;
import io.glimpse.query.user.UserQueries.FindUserByUsername;
import io.glimpse.query.user.UserView;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Finds users in the users read model for the controllers, as a given viewer may see them. */
@Component
public class UserDirectory {

    private final Queries queries;

    UserDirectory(Queries queries) {
        this.queries = queries;
    }

    public Optional<UserView> find(String username) {
        return queries.optional(new FindUserByUsername(username), UserView.class);
    }

    /** The user, whatever their relation to the caller: for writes, whose rules decide on blocks themselves. */
    public UserView require(String username) {
        return find(username).orElseThrow(() -> noSuchUser(username));
    }

    public UserView require(UUID userId) {
        return queries.optional(new FindUserById(userId), UserView.class)
                .orElseThrow(() -> new NotFoundException("No such user"));
    }

    /**
     * The user as the viewer sees them: a user who blocks the viewer does not exist for them (404;
     * {@link BlockPolicy#hidesProfile}).
     *
     * @param viewer the logged-in caller, or {@code null} for an anonymous one
     */
    public ViewedUser requireVisible(String username, AuthenticatedUser viewer) {
        UserView user = require(username);
        if (viewer == null) {
            return new ViewedUser(user, null);
        }
        Relation relation = queries.one(new FindRelation(viewer.id(), user.id()), Relation.class);
        if (BlockPolicy.hidesProfile(relation)) {
            throw noSuchUser(username);
        }
        return new ViewedUser(user, relation);
    }

    /**
     * The user whose content (posts, lists) the viewer asks for: 404 when either of them blocks
     * the other ({@link BlockPolicy#hidesContent}).
     */
    public ViewedUser requireContentVisible(String username, AuthenticatedUser viewer) {
        ViewedUser user = requireVisible(username, viewer);
        if (BlockPolicy.hidesContent(user.relation())) {
            throw noSuchUser(username);
        }
        return user;
    }

    private static NotFoundException noSuchUser(String username) {
        return new NotFoundException("No user named " + username);
    }
}
