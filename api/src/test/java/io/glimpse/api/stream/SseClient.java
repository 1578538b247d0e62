package io.glimpse.api.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for the tests: reads the stream on a thread of its own and parses
 * it as a browser would (id, event, data lines; comments counted as heartbeats). The Mastodon
 * streaming tests read its SSE form with it too.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String type, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile int heartbeats;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens {@code uri} with these headers (e.g. Authorization, Last-Event-ID). */
    public static SseClient open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of a refused stream (a problem). */
    public String body() {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int heartbeats() {
        return heartbeats;
    }

    /** The next event, waiting up to {@code timeout}; fails if none comes. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Event next() {
        return next(Duration.ofSeconds(10));
    }

    /** The events that arrive within {@code quiet}, without failing when none does. */
    public List<Event> drain(Duration quiet) {
        List<Event> drained = new ArrayList<>();
        try {
            Event event;
            while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drained.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return drained;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        reader.interrupt();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, type, data.toString()));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    heartbeats++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException ignored) {
            // closed by the test or the server
        }
    }
}
