package io.glimpse.api.mastodon.account;

import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.query.social.BlockPolicy;
import io.glimpse.query.social.Relation;
import io.glimpse.query.social.SocialQueries.FindRelation;
import io.glimpse.query.user.UserQueries.FindUserById;
import io.glimpse.query.user.UserView;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users by their Mastodon account id (the Glimpse user id), as a viewer may see them. */
@Component
public class Accounts {

    private final Queries queries;

    Accounts(Queries queries) {
        this.queries = queries;
    }

    public Optional<UserView> find(UUID userId) {
        return queries.optional(new FindUserById(userId), UserView.class);
    }

    /** Each distinct user once: a page of statuses names the same few authors many times. */
    public Map<UUID, UserView> findAll(Collection<UUID> userIds) {
        Map<UUID, UserView> found = new HashMap<>();
        userIds.stream().distinct().forEach(id -> find(id).ifPresent(user -> found.put(id, user)));
        return found;
    }

    /** The account as the viewer sees it: one who blocks the viewer does not exist for them (404; {@link BlockPolicy}). */
    public UserView requireVisible(String id, AuthenticatedUser viewer) {
        UserView user = find(parse(id)).orElseThrow(MastodonException::notFound);
        if (BlockPolicy.hidesProfile(relationOrNone(viewer, user.id()))) {
            throw MastodonException.notFound();
        }
        return user;
    }

    /**
     * Whether the account's statuses and lists are hidden from the viewer: either blocks the other
     * ({@link BlockPolicy}). Mastodon answers such lists empty rather than 404.
     */
    public boolean hidesContent(AuthenticatedUser viewer, UUID userId) {
        return BlockPolicy.hidesContent(relationOrNone(viewer, userId));
    }

    /** No relation for an anonymous viewer or for oneself. */
    private Relation relationOrNone(AuthenticatedUser viewer, UUID userId) {
        return viewer == null || viewer.id().equals(userId) ? null : relation(viewer, userId);
    }

    public Relation relation(AuthenticatedUser viewer, UUID userId) {
        return queries.one(new FindRelation(viewer.id(), userId), Relation.class);
    }

    /** A Mastodon id that is no Glimpse id names nothing here. */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw MastodonException.notFound();
        }
    }
}
