package io.glimpse.api.mastodon.oauth;

import io.glimpse.api.user.UserDirectory;
import io.glimpse.query.user.UserView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;


/**
 * {@code /oauth/authorize}: the page where a user logs in to let an app act for them. It checks the
 * request first (known client, registered redirect URI, scopes the app registered, S256 if PKCE
 * is used) and shows an error page rather than redirecting anywhere when it is wrong (RFC 6749
 * 4.1.2.1). A correct login redirects to the app with the code and state; for the out-of-band
 * redirect the code is shown to be copied.
 */
@Controller("mastodonAuthorizePage")
class AuthorizePage {

    private final MastodonApps apps;
    private final OAuthTokens tokens;
    private final LoginCheck logins;
    private final UserDirectory users;

    AuthorizePage(MastodonApps apps, OAuthTokens tokens, LoginCheck logins, UserDirectory users) {
        this.apps = apps;
        this.tokens = tokens;
        this.logins = logins;
        this.users = users;
    }

    /** The parameters of an authorization request, carried through the login form. */
    record AuthorizationRequest(String responseType, String clientId, String redirectUri, String scope, String state,
                                String codeChallenge, String codeChallengeMethod) {
    }

    @GetMapping("/oauth/authorize")
    ResponseEntity<String> show(@RequestParam(name = "response_type", required = false) String responseType,
                                @RequestParam(name = "client_id", required = false) String clientId,
                                @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                @RequestParam(required = false) String scope,
                                @RequestParam(required = false) String state,
                                @RequestParam(name = "code_challenge", required = false) String codeChallenge,
                                @RequestParam(name = "code_challenge_method", required = false) String challengeMethod) {
        var request = new AuthorizationRequest(responseType, clientId, redirectUri, scope, state, codeChallenge,
                challengeMethod);
        try {
            RegisteredApp app = validate(request);
            return html(HttpStatus.OK, loginForm(app, request, null));
        } catch (OAuthException invalid) {
            return html(HttpStatus.BAD_REQUEST, errorPage(invalid.getMessage()));
        }
    }

    @PostMapping(path = "/oauth/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> login(@RequestParam(name = "response_type", required = false) String responseType,
                                 @RequestParam(name = "client_id", required = false) String clientId,
                                 @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                 @RequestParam(required = false) String scope,
                                 @RequestParam(required = false) String state,
                                 @RequestParam(name = "code_challenge", required = false) String codeChallenge,
                                 @RequestParam(name = "code_challenge_method", required = false) String challengeMethod,
                                 @RequestParam(required = false) String login,
                                 @RequestParam(required = false) String password) {
        var request = new AuthorizationRequest(responseType, clientId, redirectUri, scope, state, codeChallenge,
                challengeMethod);
        RegisteredApp app;
        try {
            app = validate(request);
        } catch (OAuthException invalid) {
            return html(HttpStatus.BAD_REQUEST, errorPage(invalid.getMessage()));
        }
        var userId = logins.check(login, password);
        if (userId.isEmpty()) {
            return html(HttpStatus.UNAUTHORIZED, loginForm(app, request, "Invalid login or password"));
        }
        UserView user = users.require(userId.get());
        String code = tokens.issueCode(app, user.id(), user.username(), request.redirectUri(),
                Scopes.parse(request.scope()), request.codeChallenge());
        if (RegisteredApp.OUT_OF_BAND.equals(request.redirectUri())) {
            return html(HttpStatus.OK, page("Authorization code",
                    "<p>Copy this code into " + escape(app.name()) + ":</p><p><code id=\"code\">" + escape(code)
                            + "</code></p>"));
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(request.redirectUri()).queryParam("code", code);
        if (request.state() != null) {
            target.queryParam("state", request.state());
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, target.encode().build().toUriString())
                .build();
    }

    private RegisteredApp validate(AuthorizationRequest request) {
        RegisteredApp app = apps.byClientId(request.clientId()).orElseThrow(() ->
                new OAuthException(OAuthException.INVALID_CLIENT, "Unknown client_id"));
        if (!app.allowsRedirect(request.redirectUri())) {
            throw new OAuthException(OAuthException.INVALID_REQUEST, "The redirect_uri is not one this app registered");
        }
        if (!"code".equals(request.responseType())) {
            throw new OAuthException(OAuthException.INVALID_REQUEST, "response_type must be code");
        }
        if (!app.scopes().covers(Scopes.parse(request.scope()))) {
            throw new OAuthException(OAuthException.INVALID_SCOPE, "The app did not register these scopes");
        }
        if (request.codeChallenge() != null && !"S256".equals(request.codeChallengeMethod())) {
            throw new OAuthException(OAuthException.INVALID_REQUEST, "code_challenge_method must be S256");
        }
        return app;
    }

    private static String loginForm(RegisteredApp app, AuthorizationRequest request, String error) {
        StringBuilder form = new StringBuilder();
        form.append("<p><strong>").append(escape(app.name())).append("</strong> asks to use your Glimpse account ")
                .append("with the scopes <code>").append(escape(Scopes.parse(request.scope()).text())).append("</code>.</p>");
        if (error != null) {
            form.append("<p role=\"alert\" class=\"error\">").append(escape(error)).append("</p>");
        }
        form.append("<form method=\"post\" action=\"/oauth/authorize\">");
        hidden(form, "response_type", request.responseType());
        hidden(form, "client_id", request.clientId());
        hidden(form, "redirect_uri", request.redirectUri());
        hidden(form, "scope", request.scope());
        hidden(form, "state", request.state());
        hidden(form, "code_challenge", request.codeChallenge());
        hidden(form, "code_challenge_method", request.codeChallengeMethod());
        form.append("<label>Username or email <input name=\"login\" autocomplete=\"username\" required></label>")
                .append("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>")
                .append("<button type=\"submit\">Authorize</button></form>");
        return page("Log in to authorize " + app.name(), form.toString());
    }

    private static void hidden(StringBuilder form, String name, String value) {
        if (value != null) {
            form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value))
                    .append("\">");
        }
    }

    private static String errorPage(String message) {
        return page("Authorization failed", "<p role=\"alert\">" + escape(message) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " · Glimpse</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;"
                + "padding:0 1rem}label{display:block;margin:.75rem 0}input{display:block;width:100%;padding:.4rem}"
                + "button{padding:.5rem 1rem}.error{color:#b00020}</style></head><body><h1>" + escape(title)
                + "</h1>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY") // no clickjacking of the login form
                .body(body);
    }
}
