package io.glimpse.api.stream;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/** A stream written as Server-Sent Events: what each SSE form shares, ending the emitter either way. */
public abstract class EmitterSink implements StreamSink {

    private final SseEmitter emitter;

    protected EmitterSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    protected void emit(SseEmitter.SseEventBuilder event) throws IOException {
        emitter.send(event);
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
