package io.glimpse.api.mastodon.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.user.UserDirectory;
import io.glimpse.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OAuth 2 token endpoint (RFC 6749) with the grants Mastodon offers: authorization_code (with
 * PKCE S256, RFC 7636), password, client_credentials and refresh_token; revocation (RFC 7009);
 * and the server metadata document (RFC 8414). Clients authenticate with {@code client_id} and
 * {@code client_secret} in the body or with HTTP Basic.
 */
@RestController("mastodonOAuthController")
class OAuthController {

    private static final List<String> SCOPES = List.of("read", "write", "follow", "push", "profile",
            "read:accounts", "read:blocks", "read:favourites", "read:follows", "read:notifications", "read:search",
            "read:statuses", "write:accounts", "write:blocks", "write:favourites", "write:follows", "write:media",
            "write:notifications", "write:statuses");

    private final MastodonApps apps;
    private final OAuthTokens tokens;
    private final LoginCheck logins;
    private final UserDirectory users;
    private final ObjectMapper mapper;

    OAuthController(MastodonApps apps, OAuthTokens tokens, LoginCheck logins, UserDirectory users, ObjectMapper mapper) {
        this.apps = apps;
        this.tokens = tokens;
        this.logins = logins;
        this.users = users;
        this.mapper = mapper;
    }

    /** Mastodon's Token entity. Tokens do not expire, so there is no {@code expires_in}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         String scope,
                         @JsonProperty("created_at") long createdAt,
                         @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(IssuedToken token) {
            return new TokenResponse(token.accessToken(), "Bearer", token.scopes().text(), token.createdAt(),
                    token.refreshToken());
        }
    }

    @PostMapping("/oauth/token")
    TokenResponse token(HttpServletRequest request) {
        Params params = Params.of(request, mapper);
        String grantType = params.text("grant_type");
        if (grantType == null) {
            throw new OAuthException(OAuthException.INVALID_REQUEST, "grant_type is missing");
        }
        return TokenResponse.of(switch (grantType) {
            case "authorization_code" -> authorizationCode(request, params);
            case "password" -> password(client(request, params), params);
            case "client_credentials" -> {
                RegisteredApp app = client(request, params);
                yield tokens.issueAppToken(app.id(), requestedScopes(app, params));
            }
            case "refresh_token" -> tokens.refresh(client(request, params), params.text("refresh_token"))
                    .orElseThrow(() -> invalidGrant());
            default -> throw new OAuthException(OAuthException.UNSUPPORTED_GRANT_TYPE,
                    "The authorization grant type is not supported by the authorization server.");
        });
    }

    /** A public client may leave out its secret when it proves the code with PKCE. */
    private IssuedToken authorizationCode(HttpServletRequest request, Params params) {
        Credentials credentials = credentials(request, params);
        String verifier = params.text("code_verifier");
        RegisteredApp app = credentials.secret() == null && verifier != null
                ? apps.byClientId(credentials.id()).orElseThrow(OAuthController::unknownClient)
                : apps.authenticate(credentials.id(), credentials.secret());
        OAuthTokens.CodeGrant grant = tokens.redeemCode(params.text("code")).orElseThrow(OAuthController::invalidGrant);
        boolean sameRedirect = grant.redirectUri().equals(params.text("redirect_uri"));
        if (!grant.appId().equals(app.id()) || !sameRedirect || !Pkce.verifies(grant.codeChallenge(), verifier)
                || grant.codeChallenge() == null && credentials.secret() == null) {
            throw invalidGrant();
        }
        return tokens.issueUserToken(app.id(), grant.userId(), grant.username(), grant.scopes());
    }

    private IssuedToken password(RegisteredApp app, Params params) {
        Scopes scopes = requestedScopes(app, params);
        UUID userId = logins.check(params.text("username"), params.text("password"))
                .orElseThrow(OAuthController::invalidGrant);
        UserView user = users.require(userId);
        return tokens.issueUserToken(app.id(), user.id(), user.username(), scopes);
    }

    @PostMapping("/oauth/revoke")
    Map<String, Object> revoke(HttpServletRequest request) {
        Params params = Params.of(request, mapper);
        RegisteredApp app = client(request, params);
        tokens.revoke(app, params.text("token"));
        return Map.of();
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    Map<String, Object> metadata() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", base + "/");
        document.put("service_documentation", "https://docs.joinmastodon.org/");
        document.put("authorization_endpoint", base + "/oauth/authorize");
        document.put("token_endpoint", base + "/oauth/token");
        document.put("app_registration_endpoint", base + "/api/v1/apps");
        document.put("revocation_endpoint", base + "/oauth/revoke");
        document.put("scopes_supported", SCOPES);
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("grant_types_supported", List.of("authorization_code", "password", "client_credentials",
                "refresh_token"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return document;
    }

    private static Scopes requestedScopes(RegisteredApp app, Params params) {
        Scopes requested = Scopes.parse(params.text("scope"));
        if (!app.scopes().covers(requested)) {
            throw new OAuthException(OAuthException.INVALID_SCOPE,
                    "The requested scope is invalid, unknown, or malformed.");
        }
        return requested;
    }

    private RegisteredApp client(HttpServletRequest request, Params params) {
        Credentials credentials = credentials(request, params);
        return apps.authenticate(credentials.id(), credentials.secret());
    }

    private record Credentials(String id, String secret) {
    }

    /** From HTTP Basic (client_secret_basic) if sent, else from the body (client_secret_post). */
    private static Credentials credentials(HttpServletRequest request, Params params) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException malformed) {
                throw unknownClient();
            }
        }
        return new Credentials(params.text("client_id"), Optional.ofNullable(params.text("client_secret"))
                .filter(secret -> !secret.isEmpty()).orElse(null));
    }

    private static OAuthException invalidGrant() {
        return new OAuthException(OAuthException.INVALID_GRANT, "The provided authorization grant is invalid, expired, "
                + "revoked, does not match the redirection URI used in the authorization request, or was issued to "
                + "another client.");
    }

    private static OAuthException unknownClient() {
        return new OAuthException(OAuthException.INVALID_CLIENT, "Client authentication failed due to unknown client, "
                + "no client authentication included, or unsupported authentication method.");
    }
}
