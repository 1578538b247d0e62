package io.glimpse.api.ratelimit;

import io.glimpse.api.security.AuthenticatedUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Which limits a call to the API counts against, most specific first, so that a call refused by a
 * narrow limit (login, uploads) does not also spend the caller's general budget.
 * <ul>
 *   <li>{@code POST /api/auth/login}, and the Mastodon API's {@code POST /oauth/token} and
 *       {@code POST /oauth/authorize}: {@code login}, per client address, also when a token is sent;</li>
 *   <li>{@code POST /api/auth/register} and Mastodon's {@code POST /api/v1/accounts}: {@code sign-up},
 *       per client address, likewise;</li>
 *   <li>a multipart request with a token: {@code uploads}, per account. Every upload endpoint
 *       takes multipart (POST /api/posts with images, PUT /api/users/{username}/avatar), and
 *       an upload sent any other way is refused with 415 before anything is stored;</li>
 *   <li>then every call with a token: {@code account}, per account; every call without one:
 *       {@code anonymous}, per client address.</li>
 * </ul>
 */
final class RateLimitRules {

    /** Also the Mastodon API's logins (its login page and token endpoint) and sign-up. */
    private static final RequestMatcher LOGIN = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/login"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth/token"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/oauth/authorize"));
    private static final RequestMatcher SIGN_UP = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/auth/register"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/accounts"));

    private final RateLimit login;
    private final RateLimit signUp;
    private final RateLimit uploads;
    private final RateLimit account;
    private final RateLimit anonymous;

    RateLimitRules(RateLimitProperties properties) {
        this.login = properties.loginLimit();
        this.signUp = properties.signUpLimit();
        this.uploads = properties.uploadsLimit();
        this.account = properties.accountLimit();
        this.anonymous = properties.anonymousLimit();
    }

    /** @param user the caller, or null for a call without a token */
    List<Charge> chargesFor(HttpServletRequest request, AuthenticatedUser user) {
        List<Charge> charges = new ArrayList<>(2);
        if (LOGIN.matches(request)) {
            charges.add(new Charge(login, ClientAddress.of(request)));
        } else if (SIGN_UP.matches(request)) {
            charges.add(new Charge(signUp, ClientAddress.of(request)));
        }
        if (user == null) {
            charges.add(new Charge(anonymous, ClientAddress.of(request)));
            return charges;
        }
        String accountKey = user.id().toString();
        if (isMultipart(request)) {
            charges.add(new Charge(uploads, accountKey));
        }
        charges.add(new Charge(account, accountKey));
        return charges;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
