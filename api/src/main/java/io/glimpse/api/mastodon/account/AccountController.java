package io.glimpse.api.mastodon.account;

import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.MastodonPager;
import io.glimpse.api.mastodon.web.PageWindow;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.media.UploadedImages;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.social.RelationshipCommands.BlockUser;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import io.glimpse.command.social.RelationshipCommands.UnblockUser;
import io.glimpse.command.social.RelationshipCommands.UnfollowUser;
import io.glimpse.command.social.RelationshipId;
import io.glimpse.command.user.UserCommands.ChangeAvatar;
import io.glimpse.command.user.UserCommands.UpdateProfile;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.social.SocialQueries.ListBlocked;
import io.glimpse.query.social.SocialQueries.ListFollowers;
import io.glimpse.query.social.SocialQueries.ListFollowing;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import io.glimpse.query.social.ViewedUser;
import io.glimpse.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Accounts: the caller's own (verify_credentials, update_credentials), anyone's by id or
 * {@code acct}, their followers and followings, and follow/unfollow/block/unblock with the
 * Relationship they lead to. The writes are the native API's commands; the {@code Relationship}
 * aggregate decides them (no self-follow, no follow across a block). A user who blocks the viewer
 * is 404 to them, as on the native API.
 */
@RestController("mastodonAccountController")
class AccountController {

    private final Accounts accounts;
    private final UserDirectory users;
    private final Commands commands;
    private final Queries queries;
    private final UploadedImages uploads;
    private final ObjectMapper json;

    AccountController(Accounts accounts, UserDirectory users, Commands commands, Queries queries,
                      UploadedImages uploads, ObjectMapper json) {
        this.accounts = accounts;
        this.users = users;
        this.commands = commands;
        this.queries = queries;
        this.uploads = uploads;
        this.json = json;
    }

    @GetMapping("/api/v1/accounts/verify_credentials")
    MastodonAccount verifyCredentials(@AuthenticationPrincipal AuthenticatedUser me) {
        return AccountMapper.own(users.require(me.id()));
    }

    /** {@code display_name}, {@code note} (the bio) and {@code avatar}; Glimpse has no header, fields or locks. */
    @PatchMapping("/api/v1/accounts/update_credentials")
    MastodonAccount updateCredentials(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        Params params = Params.of(request, json);
        String displayName = params.text("display_name");
        String note = params.text("note");
        if (displayName != null || note != null) {
            commands.send(new UpdateProfile(me.id(), me.asRequester(), displayName, note), me.id(), ReadModel.USERS);
        }
        MultipartFile avatar = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("avatar") : null;
        if (avatar != null && !avatar.isEmpty()) {
            String key = uploads.storeAvatar(me.id(), avatar);
            commands.send(new ChangeAvatar(me.id(), me.asRequester(), key), me.id(), ReadModel.USERS);
        }
        return AccountMapper.own(users.require(me.id()));
    }

    /** Every account is local: {@code alice}, {@code @alice} and {@code alice@<this host>} name the same one. */
    @GetMapping("/api/v1/accounts/lookup")
    MastodonAccount lookup(@RequestParam(required = false) String acct, HttpServletRequest request,
                           @AuthenticationPrincipal AuthenticatedUser viewer) {
        if (acct == null || acct.isBlank()) {
            throw MastodonException.unprocessable("Validation failed: acct can't be blank");
        }
        String name = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = name.indexOf('@');
        if (at >= 0) {
            String domain = name.substring(at + 1);
            if (!domain.equalsIgnoreCase(request.getServerName())
                    && !domain.equalsIgnoreCase(request.getServerName() + ":" + request.getServerPort())) {
                throw MastodonException.notFound(); // no federation: remote accounts are not known here
            }
            name = name.substring(0, at);
        }
        UserView user = users.find(name).orElseThrow(MastodonException::notFound);
        return AccountMapper.of(accounts.requireVisible(user.id().toString(), viewer));
    }

    @GetMapping("/api/v1/accounts/{id}")
    MastodonAccount get(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser viewer) {
        return AccountMapper.of(accounts.requireVisible(id, viewer));
    }

    @GetMapping("/api/v1/accounts/relationships")
    List<MastodonRelationship> relationships(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        return Params.of(request, json).list("id").stream()
                .distinct()
                .limit(100)
                .map(id -> {
                    UUID userId = Accounts.parse(id);
                    return MastodonRelationship.of(userId, accounts.relation(me, userId));
                })
                .toList();
    }

    @PostMapping("/api/v1/accounts/{id}/follow")
    MastodonRelationship follow(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        return relate(id, me, FollowUser::new);
    }

    @PostMapping("/api/v1/accounts/{id}/unfollow")
    MastodonRelationship unfollow(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        return relate(id, me, UnfollowUser::new);
    }

    @PostMapping("/api/v1/accounts/{id}/block")
    MastodonRelationship block(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        return relate(id, me, BlockUser::new);
    }

    @PostMapping("/api/v1/accounts/{id}/unblock")
    MastodonRelationship unblock(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        return relate(id, me, UnblockUser::new);
    }

    /** The target must exist; whether the change is allowed is the Relationship aggregate's decision. */
    private MastodonRelationship relate(String id, AuthenticatedUser me, BiFunction<UUID, UUID, Object> command) {
        UserView target = accounts.find(Accounts.parse(id)).orElseThrow(MastodonException::notFound);
        commands.send(command.apply(me.id(), target.id()), RelationshipId.of(me.id(), target.id()),
                ReadModel.USERS, ReadModel.TIMELINES);
        return MastodonRelationship.of(target.id(), accounts.relation(me, target.id()));
    }

    @GetMapping("/api/v1/accounts/{id}/followers")
    ResponseEntity<List<MastodonAccount>> followers(@PathVariable String id, HttpServletRequest request,
                                                    @AuthenticationPrincipal AuthenticatedUser viewer) {
        UserView user = accounts.requireVisible(id, viewer);
        if (accounts.hidesContent(viewer, user.id())) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        return accountsPage(request, (after, limit) -> queries.one(new ListFollowers(user.id(), viewerId, after, limit),
                ViewedUserPage.class));
    }

    @GetMapping("/api/v1/accounts/{id}/following")
    ResponseEntity<List<MastodonAccount>> following(@PathVariable String id, HttpServletRequest request,
                                                    @AuthenticationPrincipal AuthenticatedUser viewer) {
        UserView user = accounts.requireVisible(id, viewer);
        if (accounts.hidesContent(viewer, user.id())) {
            return ResponseEntity.ok(List.of());
        }
        UUID viewerId = viewer == null ? null : viewer.id();
        return accountsPage(request, (after, limit) -> queries.one(new ListFollowing(user.id(), viewerId, after, limit),
                ViewedUserPage.class));
    }

    @GetMapping("/api/v1/blocks")
    ResponseEntity<List<MastodonAccount>> blocks(HttpServletRequest request, @AuthenticationPrincipal AuthenticatedUser me) {
        return accountsPage(request, (after, limit) -> queries.one(new ListBlocked(me.id(), after, limit),
                ViewedUserPage.class));
    }

    private interface UserPageQuery {
        ViewedUserPage read(io.glimpse.query.paging.Cursor after, int limit);
    }

    /** Mastodon pages account lists by 40, at most 80. */
    private static ResponseEntity<List<MastodonAccount>> accountsPage(HttpServletRequest request, UserPageQuery query) {
        return MastodonPager.pageByCursor(request, PageWindow.of(request, 40, 80), (after, limit) -> {
            ViewedUserPage page = query.read(after, limit);
            return new Keyset.Slice<>(page.items(), page.nextCursor());
        }, (List<ViewedUser> items) -> items.stream().map(viewed -> AccountMapper.of(viewed.user())).toList());
    }
}
