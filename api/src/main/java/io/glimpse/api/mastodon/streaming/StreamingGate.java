package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.feature.FeatureGate;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.stream.StreamConnections;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a Mastodon stream must pass before it opens, on either transport: the {@code live-stream}
 * flag (off: 404, as for {@code GET /api/stream}) and the limit of open streams per user, which
 * the native and the Mastodon streams share (429). Refusals in the words of Mastodon's streaming server.
 */
@Component
class StreamingGate {

    private final FeatureGate features;
    private final StreamConnections connections;

    StreamingGate(FeatureGate features, StreamConnections connections) {
        this.features = features;
        this.connections = connections;
    }

    Optional<MastodonException> check(Subscriber subscriber) {
        if (!features.isOn(FeatureGate.LIVE_STREAM, subscriber.user())) {
            return Optional.of(new MastodonException(404, "This feature is not available to you"));
        }
        if (connections.atLimit(subscriber.user().id())) {
            return Optional.of(tooMany());
        }
        return Optional.empty();
    }

    static MastodonException tooMany() {
        return new MastodonException(429, "Too many open streams");
    }

    static MastodonException missingScope() {
        return new MastodonException(401, "Access token does not have the required scopes");
    }
}
