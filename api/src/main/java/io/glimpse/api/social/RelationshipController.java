package io.glimpse.api.social;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.api.user.UserResponse;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.social.RelationshipCommands.BlockUser;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import io.glimpse.command.social.RelationshipCommands.UnblockUser;
import io.glimpse.command.social.RelationshipCommands.UnfollowUser;
import io.glimpse.command.social.RelationshipId;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.social.SocialQueries.ListBlocked;
import io.glimpse.query.social.SocialQueries.ListFollowers;
import io.glimpse.query.social.SocialQueries.ListFollowing;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import io.glimpse.query.user.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Follows and blocks. The writes answer 204 and are idempotent; the rules (no self-follow, no
 * follow across a block) are the {@code Relationship} aggregate's.
 */
@RestController
@RequestMapping("/api/users")
class RelationshipController {

    private final UserDirectory users;
    private final Commands commands;
    private final Queries queries;

    RelationshipController(UserDirectory users, Commands commands, Queries queries) {
        this.users = users;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/{username}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void follow(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser me) {
        send(username, me, FollowUser::new);
    }

    @DeleteMapping("/{username}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfollow(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser me) {
        send(username, me, UnfollowUser::new);
    }

    @PostMapping("/{username}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void block(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser me) {
        send(username, me, BlockUser::new);
    }

    @DeleteMapping("/{username}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser me) {
        send(username, me, UnblockUser::new);
    }

    private void send(String username, AuthenticatedUser me, BiFunction<UUID, UUID, Object> command) {
        UserView target = users.require(username);
        commands.send(command.apply(me.id(), target.id()), RelationshipId.of(me.id(), target.id()),
                ReadModel.USERS, ReadModel.TIMELINES);
    }

    @GetMapping("/{username}/followers")
    PageResponse<UserResponse> followers(@PathVariable String username,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor,
                                         @AuthenticationPrincipal AuthenticatedUser viewer) {
        return listOf(username, viewer, limit, cursor, ListFollowers::new);
    }

    @GetMapping("/{username}/following")
    PageResponse<UserResponse> following(@PathVariable String username,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor,
                                         @AuthenticationPrincipal AuthenticatedUser viewer) {
        return listOf(username, viewer, limit, cursor, ListFollowing::new);
    }

    /** A list query about one user, as a viewer asks for one page of it. */
    private interface UserListQuery {
        Object of(UUID userId, UUID viewerId, Cursor after, int limit);
    }

    /** The lists of a user on either side of a block with the viewer are 404 to them (BlockPolicy). */
    private PageResponse<UserResponse> listOf(String username, AuthenticatedUser viewer, Integer limit, String cursor,
                                              UserListQuery query) {
        UserView user = users.requireContentVisible(username, viewer).user();
        UUID viewerId = viewer == null ? null : viewer.id();
        return page(query.of(user.id(), viewerId, Cursor.decode(cursor), PageLimit.of(limit)));
    }

    @GetMapping("/me/blocks")
    PageResponse<UserResponse> blocks(@RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor,
                                      @AuthenticationPrincipal AuthenticatedUser me) {
        return page(new ListBlocked(me.id(), Cursor.decode(cursor), PageLimit.of(limit)));
    }

    private PageResponse<UserResponse> page(Object query) {
        ViewedUserPage page = queries.one(query, ViewedUserPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), UserResponse::of);
    }
}
