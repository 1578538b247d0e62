package io.glimpse.api.stream;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** The native stream: every event as it is in the log, with its id; heartbeats as comment lines. */
final class SseSink extends EmitterSink {

    SseSink(SseEmitter emitter) {
        super(emitter);
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        emit(SseEmitter.event().id(event.id()).name(event.type()).data(event.data()));
    }

    @Override
    public void heartbeat() throws IOException {
        emit(SseEmitter.event().comment("heartbeat"));
    }
}
