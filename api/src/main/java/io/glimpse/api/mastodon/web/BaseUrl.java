package io.glimpse.api.mastodon.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.function.Supplier;

/** This server's address as the client reached it, for the absolute URLs Mastodon's entities carry. */
public final class BaseUrl {

    /** Set while a stream maps entities on a thread that serves no request ({@link #during}). */
    private static final ThreadLocal<String> OUTSIDE_A_REQUEST = new ThreadLocal<>();

    private BaseUrl() {
    }

    public static String current() {
        String bound = OUTSIDE_A_REQUEST.get();
        return bound != null ? bound : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /**
     * Runs {@code work} with {@code base} as this server's address: the streaming API maps entities
     * on delivery threads, long after the request that opened the stream, with the address its
     * client used then.
     */
    public static <T> T during(String base, Supplier<T> work) {
        String previous = OUTSIDE_A_REQUEST.get();
        OUTSIDE_A_REQUEST.set(base);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                OUTSIDE_A_REQUEST.remove();
            } else {
                OUTSIDE_A_REQUEST.set(previous);
            }
        }
    }

    /** Makes a path such as {@code /media/...} absolute; absolute URLs (S3, a CDN) stay as they are. */
    public static String absolute(String url) {
        if (url == null || url.isEmpty() || url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return current() + (url.startsWith("/") ? url : "/" + url);
    }
}
