package io.glimpse.api.mastodon.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** This server's address as the client reached it, for the absolute URLs Mastodon's entities carry. */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static String current() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** Makes a path such as {@code /media/...} absolute; absolute URLs (S3, a CDN) stay as they are. */
    public static String absolute(String url) {
        if (url == null || url.isEmpty() || url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return current() + (url.startsWith("/") ? url : "/" + url);
    }
}
