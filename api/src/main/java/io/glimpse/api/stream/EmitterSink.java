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
        whileStillOpen(emitter::complete);
    }

    @Override
    public void fail(Exception error) {
        whileStillOpen(() -> emitter.completeWithError(error));
    }

    /**
     * Ends the emitter unless the container already ended it: when the client went away, Tomcat
     * reports the error to the emitter itself and then refuses (IllegalStateException) any later
     * use of the request from the delivery thread, which has nothing left to end.
     */
    private static void whileStillOpen(Runnable end) {
        try {
            end.run();
        } catch (IllegalStateException alreadyEnded) {
            // the connection is gone; so is the stream
        }
    }
}
