package io.glimpse.api.auth;

import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.security.Sessions;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.api.user.UserResponse;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.Queries;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.user.UserCommands.RegisterUser;
import io.glimpse.query.user.Credentials;
import io.glimpse.query.user.UserQueries.FindCredentials;
import io.glimpse.query.user.UserView;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final String BAD_LOGIN = "Invalid login or password";

    private final Commands commands;
    private final Queries queries;
    private final UserDirectory users;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final Sessions sessions;
    /** Checked against when the login names nobody, so that both failures take equally long. */
    private final String decoyHash;

    AuthController(Commands commands, Queries queries, UserDirectory users, PasswordEncoder passwords,
                   TokenIssuer tokens, Sessions sessions) {
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @SecurityRequirements // no token needed
    @PostMapping("/register")
    ResponseEntity<Tokens.Session> register(@Valid @RequestBody AuthRequests.Register body) {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, body.username(), body.email(), passwords.encode(body.password()),
                body.displayName()), userId, ReadModel.USERS);
        UserView user = users.require(userId);
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(Tokens.Session.of(UserResponse.of(user), tokens.startSession(user.id(), user.username())));
    }

    /** One message for an unknown login and a wrong password: no probing for accounts. */
    @SecurityRequirements // no token needed
    @PostMapping("/login")
    Tokens.Session login(@Valid @RequestBody AuthRequests.Login body) {
        Optional<Credentials> credentials = queries.optional(new FindCredentials(body.login()), Credentials.class);
        boolean matches = passwords.matches(body.password(),
                credentials.map(Credentials::passwordHash).orElse(decoyHash));
        if (credentials.isEmpty() || !matches) {
            throw new BadCredentialsException(BAD_LOGIN);
        }
        UserView user = users.require(credentials.get().userId());
        return Tokens.Session.of(UserResponse.of(user), tokens.startSession(user.id(), user.username()));
    }

    @SecurityRequirements // no token needed
    @PostMapping("/refresh")
    Tokens.Pair refresh(@Valid @RequestBody AuthRequests.Refresh body) {
        return tokens.refresh(body.refreshToken());
    }

    /** Ends the session: its refresh token and every access token issued for it stop working. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal AuthenticatedUser me) {
        sessions.revoke(me.sessionId());
    }

    @GetMapping("/me")
    UserResponse me(@AuthenticationPrincipal AuthenticatedUser me) {
        return UserResponse.of(users.require(me.id()));
    }
}
