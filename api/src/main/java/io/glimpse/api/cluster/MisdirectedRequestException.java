package io.glimpse.api.cluster;

import io.glimpse.processing.cluster.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A request that this node's role does not serve: 421 Misdirected Request (RFC 9110 §15.5.20,
 * "the request was directed at a server that is unable or unwilling to produce an authoritative
 * response"), problem+json naming the role that serves it, with {@code Glimpse-Role} set to this
 * node's role. Nothing was read or changed, so a load balancer may send it again elsewhere.
 */
final class MisdirectedRequestException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/misdirected-request");
    static final String ROLE_HEADER = "Glimpse-Role";

    MisdirectedRequestException(Role node, Role serves) {
        super(HttpStatus.MISDIRECTED_REQUEST, problem(node, serves), null);
        getHeaders().set(ROLE_HEADER, node.name().toLowerCase());
    }

    private static ProblemDetail problem(Role node, Role serves) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.MISDIRECTED_REQUEST,
                "This node (glimpse.role=" + node.name().toLowerCase() + ") does not serve this request: send it to a "
                        + serves.name().toLowerCase() + " node");
        problem.setType(TYPE);
        problem.setTitle("Misdirected request");
        problem.setProperty("servedBy", serves.name().toLowerCase());
        return problem;
    }
}
