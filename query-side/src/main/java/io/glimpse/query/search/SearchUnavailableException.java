package io.glimpse.query.search;

/** The search engine cannot be reached: a 503 for the client, not a 500. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(Throwable cause) {
        super("Search is unavailable for a moment; try again shortly", cause);
    }
}
