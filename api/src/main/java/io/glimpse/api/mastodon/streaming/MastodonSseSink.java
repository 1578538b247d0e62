package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.stream.StreamEvent;
import io.glimpse.api.stream.EmitterSink;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/**
 * One stream of Mastodon's SSE form ({@code GET /api/v1/streaming/user}): {@code event: update}
 * with the payload as {@code data}, no ids (Mastodon's streams do not resume). As Mastodon's server
 * does, it opens with the comment {@code :)} and beats with {@code :thump}.
 */
final class MastodonSseSink extends EmitterSink {

    private final MastodonStream stream;
    private final Subscriber subscriber;
    private final MastodonStreamEvents events;

    MastodonSseSink(SseEmitter emitter, MastodonStream stream, Subscriber subscriber, MastodonStreamEvents events) {
        super(emitter);
        this.stream = stream;
        this.subscriber = subscriber;
        this.events = events;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        if (StreamEvent.READY.equals(event.type())) {
            emit(SseEmitter.event().comment(")"));
            return;
        }
        var translated = events.translate(event, subscriber, stream::carries);
        if (translated.isPresent()) {
            emit(SseEmitter.event().name(translated.get().event()).data(translated.get().payload()));
        }
    }

    @Override
    public void heartbeat() throws IOException {
        emit(SseEmitter.event().comment("thump"));
    }
}
