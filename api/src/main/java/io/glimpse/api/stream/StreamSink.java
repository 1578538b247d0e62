package io.glimpse.api.stream;

import java.io.IOException;

/**
 * Where one open stream's events go, in the form its client reads: the native Server-Sent Events
 * ({@link SseSink}), or another streaming API's (Mastodon's translates them). Called on the
 * delivery and heartbeat threads, one call at a time per stream.
 */
public interface StreamSink {

    /** The next event of the user's log, in order: {@code ready} first, {@code reset} when events were lost. */
    void send(StreamEvent event) throws IOException;

    /** Keeps an idle connection open through proxies, and finds out whether the client is still there. */
    void heartbeat() throws IOException;

    /** Ends the stream from the server's side (shutdown, or it lasted its maximum duration). */
    void complete();

    /** Ends the stream after a failed write or log read. */
    void fail(Exception error);
}
