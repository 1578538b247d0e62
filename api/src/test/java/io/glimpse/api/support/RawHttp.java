package io.glimpse.api.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes exactly as given, for requests that HTTP client libraries refuse to make (invalid
 * percent-encoding, control characters in headers, oversized headers, broken multipart bodies),
 * and reads the answer as soon as it comes, even while the request body is still unsent.
 */
public final class RawHttp implements Closeable {

    private final Socket socket;
    private final int port;
    private final InputStream in;

    private RawHttp(int port) throws IOException {
        this.port = port;
        this.socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** An answer: status, headers with lower-case names, and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** A connection to the application on {@code port}, for requests sent in pieces. */
    public static RawHttp connect(int port) {
        try {
            return new RawHttp(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and then {@code body}; one request per connection. */
    public static Response send(int port, String head, byte[] body) {
        try (RawHttp connection = connect(port)) {
            try {
                connection.write(head.strip() + "\r\nConnection: close"
                        + (body.length > 0 && !head.toLowerCase(Locale.ROOT).contains("content-length")
                        ? "\r\nContent-Length: " + body.length : ""), body);
            } catch (UncheckedIOException refusedMidway) {
                // The server answered and closed before taking the whole request (a header too large): read that answer.
            }
            return connection.read();
        }
    }

    public static Response send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    public static Response send(int port, String head, String body) {
        return send(port, head, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the head (a {@code Host} header is added), the blank line and the start of a body. */
    public void write(String head, byte[] body) {
        writeBytes((head.strip() + "\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        writeBytes(body);
    }

    /** More of the body. */
    public void writeBytes(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one answer: the head, then a body of the announced length, chunked, or up to the end of
     * the connection; of a Server-Sent Events stream only the head.
     */
    public Response read() {
        try {
            String head = readHead();
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            byte[] body;
            if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
                body = new byte[0]; // a stream does not end: its head is the answer
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = readChunks();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("The connection closed before an answer: " + head);
            }
            head.write(next);
            matched = (next == '\r' && matched % 2 == 0) || (next == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
            if (size == 0) {
                readLine();
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
