package io.glimpse.api.stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A user already holds the most streams allowed on this node: 429, the newcomer is refused. */
public class TooManyStreams extends ErrorResponseException {

    public TooManyStreams(int maxPerUser) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(maxPerUser), null);
    }

    private static ProblemDetail problem(int maxPerUser) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "At most " + maxPerUser + " open streams per user; close one first");
        problem.setTitle("Too many open streams");
        return problem;
    }
}
