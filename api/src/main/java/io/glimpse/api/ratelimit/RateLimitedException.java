package io.glimpse.api.ratelimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A request refused by a rate limit. An {@link ErrorResponseException}, so the application's
 * problem handling writes it like every other error: 429 problem+json, with {@code Retry-After}
 * and the rate-limit fields.
 */
final class RateLimitedException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/rate-limited");

    RateLimitedException(Verdict refused) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(refused), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        RateLimitHeaders.write(refused, getHeaders()::set);
    }

    private static ProblemDetail problem(Verdict refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: the " + refused.limit().name() + " limit allows "
                        + refused.limit().quota().describe() + ". Try again in "
                        + refused.retryAfterSeconds() + " s.");
        problem.setType(TYPE);
        problem.setTitle("Too many requests");
        problem.setProperty("limit", refused.limit().name());
        return problem;
    }
}
