package io.glimpse.api.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Map;

/**
 * The {@code type} of each problem: a URI reference per kind of error (docs/errors.md lists them),
 * so that clients can branch on it rather than on the title's wording.
 */
final class ProblemTypes {

    static final URI VALIDATION = URI.create("/problems/validation");

    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(421, "misdirected-request"),
            Map.entry(429, "rate-limited"),
            Map.entry(503, "unavailable"));

    private ProblemTypes() {
    }

    /** Gives a problem that still has the default type the one its status stands for. */
    static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(forStatus(HttpStatusCode.valueOf(problem.getStatus())));
        }
        return problem;
    }

    static URI forStatus(HttpStatusCode status) {
        return URI.create("/problems/" + BY_STATUS.getOrDefault(status.value(),
                status.is5xxServerError() ? "internal-error" : "http-" + status.value()));
    }
}
