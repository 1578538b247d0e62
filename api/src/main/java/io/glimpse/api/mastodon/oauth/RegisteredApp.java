package io.glimpse.api.mastodon.oauth;

import java.util.List;
import java.util.UUID;

/** A client application registered with {@code POST /api/v1/apps}. */
public record RegisteredApp(UUID id, String clientId, String name, String website, List<String> redirectUris,
                            Scopes scopes) {

    /** Mastodon's out-of-band redirect: the code is shown to the user instead of sent anywhere. */
    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    public boolean allowsRedirect(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }
}
