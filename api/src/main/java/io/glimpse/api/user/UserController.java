package io.glimpse.api.user;

import io.glimpse.api.media.UploadedImages;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.user.AccountRules;
import io.glimpse.command.user.UserCommands.ChangeAvatar;
import io.glimpse.command.user.UserCommands.DeleteUser;
import io.glimpse.command.user.UserCommands.UpdateProfile;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.user.UserQueries.ListUsers;
import io.glimpse.query.user.UserQueries.UserPage;
import io.glimpse.query.user.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserDirectory users;
    private final Commands commands;
    private final Queries queries;
    private final UploadedImages uploads;

    UserController(UserDirectory users, Commands commands, Queries queries, UploadedImages uploads) {
        this.users = users;
        this.commands = commands;
        this.queries = queries;
        this.uploads = uploads;
    }

    record UpdateProfileRequest(@Size(min = 1, max = AccountRules.DISPLAY_NAME_MAX) String displayName,
                                @Size(max = AccountRules.BIO_MAX) String bio) {
    }

    /** A user who blocks the viewer is 404 to them. */
    @GetMapping("/{username}")
    UserResponse profile(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser viewer) {
        return UserResponse.of(users.requireVisible(username, viewer));
    }

    @PatchMapping("/{username}")
    UserResponse update(@PathVariable String username, @Valid @RequestBody UpdateProfileRequest body,
                        @AuthenticationPrincipal AuthenticatedUser me) {
        UserView user = users.require(username);
        commands.send(new UpdateProfile(user.id(), me.asRequester(), body.displayName(), body.bio()), user.id(), ReadModel.USERS);
        return UserResponse.of(users.require(user.id()));
    }

    /** Owner only: the new picture is stored as a square thumbnail, without any metadata. */
    @PutMapping(path = "/{username}/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UserResponse avatar(@PathVariable String username, @RequestParam("file") MultipartFile file,
                        @AuthenticationPrincipal AuthenticatedUser me) {
        UserView user = users.require(username);
        if (!me.id().equals(user.id())) {
            throw CommandRejectedException.forbidden("Only the account owner may change the avatar");
        }
        String key = uploads.storeAvatar(user.id(), file);
        commands.send(new ChangeAvatar(user.id(), me.asRequester(), key), user.id(), ReadModel.USERS);
        return UserResponse.of(users.requireVisible(username, me));
    }

    /** Deleting an account that is already gone is not an error (DELETE is idempotent). */
    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username, @AuthenticationPrincipal AuthenticatedUser me) {
        users.find(username).ifPresent(user ->
                commands.send(new DeleteUser(user.id(), me.asRequester()), user.id(),
                        ReadModel.SESSIONS, ReadModel.values()));
    }

    /** Admins only (see SecurityConfiguration): newest accounts first, {@code q} matches name prefixes. */
    @GetMapping
    PageResponse<UserResponse> list(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        UserPage page = queries.one(new ListUsers(q, Cursor.decode(cursor), PageLimit.of(limit)), UserPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), UserResponse::of);
    }
}
