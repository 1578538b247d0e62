package io.glimpse.api.mastodon.web;

/** An error answered as Mastodon does: the status and {@code {"error": message}}. */
public class MastodonException extends RuntimeException {

    private final int status;

    public MastodonException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static MastodonException notFound() {
        return new MastodonException(404, "Record not found");
    }

    public static MastodonException unprocessable(String message) {
        return new MastodonException(422, message);
    }
}
