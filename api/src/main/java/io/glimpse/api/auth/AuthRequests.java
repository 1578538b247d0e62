package io.glimpse.api.auth;

import io.glimpse.command.user.AccountRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of /api/auth, validated field by field. */
final class AuthRequests {

    private AuthRequests() {
    }

    /** Usernames are accepted in any case and stored in lower case. */
    @AcceptablePassword
    record Register(
            @NotBlank
            @Pattern(regexp = AccountRules.USERNAME_PATTERN, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be 3-30 characters of a-z, 0-9, _ and .")
            String username,
            @NotBlank @Size(max = AccountRules.EMAIL_MAX) @Email(regexp = ".+@.+\\..+")
            String email,
            @NotNull @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX)
            String password,
            @Size(max = AccountRules.DISPLAY_NAME_MAX)
            String displayName) {
    }

    /** @param login a username or an email address */
    record Login(@NotBlank @Size(max = AccountRules.EMAIL_MAX) String login,
                 @NotBlank @Size(max = AccountRules.PASSWORD_MAX) String password) {
    }

    record Refresh(@NotBlank String refreshToken) {
    }
}
