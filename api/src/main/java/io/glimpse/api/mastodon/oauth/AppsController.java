package io.glimpse.api.mastodon.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.Params;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** {@code POST /api/v1/apps} registers a client; {@code GET /api/v1/apps/verify_credentials} shows the caller's. */
@RestController("mastodonAppsController")
class AppsController {

    private final MastodonApps apps;
    private final ObjectMapper mapper;

    AppsController(MastodonApps apps, ObjectMapper mapper) {
        this.apps = apps;
        this.mapper = mapper;
    }

    /** Mastodon's Application entity; the client id and secret only when it is created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Application(String id, String name, String website, List<String> scopes,
                       @JsonProperty("redirect_uri") String redirectUri,
                       @JsonProperty("redirect_uris") List<String> redirectUris,
                       @JsonProperty("vapid_key") String vapidKey,
                       @JsonProperty("client_id") String clientId,
                       @JsonProperty("client_secret") String clientSecret,
                       @JsonProperty("client_secret_expires_at") Long clientSecretExpiresAt) {

        static Application of(RegisteredApp app, String secret) {
            return new Application(app.id().toString(), app.name(), app.website(), app.scopes().list(),
                    String.join("\n", app.redirectUris()), app.redirectUris(), "",
                    secret == null ? null : app.clientId(), secret, secret == null ? null : 0L);
        }
    }

    @PostMapping("/api/v1/apps")
    Application create(HttpServletRequest request) {
        Params params = Params.of(request, mapper);
        String name = params.required("client_name");
        if (name.length() > 200) {
            throw MastodonException.unprocessable("Validation failed: Application name is too long (maximum is 200 characters)");
        }
        List<String> redirectUris = params.list("redirect_uris").stream()
                .flatMap(uris -> Arrays.stream(uris.split("[\\s]+")))
                .filter(uri -> !uri.isBlank())
                .distinct()
                .toList();
        if (redirectUris.isEmpty()) {
            throw MastodonException.unprocessable("Validation failed: Redirect URI can't be blank");
        }
        redirectUris.forEach(AppsController::requireValidRedirect);
        String website = params.text("website");
        Scopes scopes = Scopes.parse(params.text("scopes"));
        MastodonApps.Registration registration = apps.register(name,
                website == null || website.isBlank() ? null : website, redirectUris, scopes);
        return Application.of(registration.app(), registration.clientSecret());
    }

    @GetMapping("/api/v1/apps/verify_credentials")
    Application verify(HttpServletRequest request) {
        TokenGrant grant = (TokenGrant) request.getAttribute(MastodonTokenFilter.GRANT_ATTRIBUTE);
        if (grant == null) {
            throw MastodonException.unprocessable("This token was not issued to an app");
        }
        return apps.find(grant.appId()).map(app -> Application.of(app, null))
                .orElseThrow(() -> new MastodonException(401, "The access token is invalid"));
    }

    private static void requireValidRedirect(String uri) {
        if (RegisteredApp.OUT_OF_BAND.equals(uri)) {
            return;
        }
        try {
            URI parsed = URI.create(uri);
            if (parsed.getScheme() == null || parsed.getFragment() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException invalid) {
            throw MastodonException.unprocessable("Validation failed: Redirect URI must be an absolute URI.");
        }
    }
}
