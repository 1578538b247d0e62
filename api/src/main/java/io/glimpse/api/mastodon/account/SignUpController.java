package io.glimpse.api.mastodon.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.mastodon.oauth.AppPrincipal;
import io.glimpse.api.mastodon.oauth.IssuedToken;
import io.glimpse.api.mastodon.oauth.OAuthTokens;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.password.PasswordPolicy;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.api.web.Commands;
import io.glimpse.api.web.ReadModel;
import io.glimpse.command.user.AccountRules;
import io.glimpse.command.user.UserCommands.RegisterUser;
import io.glimpse.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.util.UUID;

/**
 * {@code POST /api/v1/accounts}: sign-up by an app, with the app token of the client-credentials
 * grant, as Mastodon has it. The account is registered with the same command as
 * {@code POST /api/auth/register} (the User aggregate checks the rules, unique names and emails
 * answer 422 here) and the answer is a user token for the app, with the app token's scopes.
 */
@RestController("mastodonSignUpController")
class SignUpController {

    private final Commands commands;
    private final UserDirectory users;
    private final PasswordEncoder passwords;
    private final PasswordPolicy passwordPolicy;
    private final OAuthTokens tokens;
    private final ObjectMapper json;

    SignUpController(Commands commands, UserDirectory users, PasswordEncoder passwords, PasswordPolicy passwordPolicy,
                     OAuthTokens tokens, ObjectMapper json) {
        this.commands = commands;
        this.users = users;
        this.passwords = passwords;
        this.passwordPolicy = passwordPolicy;
        this.tokens = tokens;
        this.json = json;
    }

    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                 String scope, @JsonProperty("created_at") long createdAt) {
    }

    @PostMapping("/api/v1/accounts")
    Token signUp(HttpServletRequest request, @AuthenticationPrincipal AppPrincipal app) {
        Params params = Params.of(request, json);
        String username = params.required("username");
        String email = params.required("email");
        String password = params.required("password");
        if (!params.flag("agreement")) {
            throw MastodonException.unprocessable("Validation failed: Agreement must be accepted");
        }
        if (!username.matches("(?i)" + AccountRules.USERNAME_PATTERN)) {
            throw MastodonException.unprocessable("Validation failed: Username must be 3-30 characters of a-z, 0-9, _ and .");
        }
        if (email.length() > AccountRules.EMAIL_MAX || !email.matches(".+@.+\\..+")) {
            throw MastodonException.unprocessable("Validation failed: Email is invalid");
        }
        passwordPolicy.weakness(password, username, email).ifPresent(weakness -> {
            throw MastodonException.unprocessable("Validation failed: Password " + weakness);
        });
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, username, email, passwords.encode(password), params.text("display_name")),
                userId, ReadModel.USERS);
        UserView user = users.require(userId);
        IssuedToken token = tokens.issueUserToken(app.appId(), user.id(), user.username(), app.scopes());
        return new Token(token.accessToken(), "Bearer", token.scopes().text(), token.createdAt());
    }
}
