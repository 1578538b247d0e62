package io.glimpse.api.stream;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** The native stream: every event as it is in the log, with its id; heartbeats as comment lines. */
final class SseSink implements StreamSink {

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        emitter.send(SseEmitter.event().id(event.id()).name(event.type()).data(event.data()));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    @Override
    public void complete() {
        emitter.complete();
    }

    @Override
    public void fail(Exception error) {
        emitter.completeWithError(error);
    }
}
