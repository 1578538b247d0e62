package io.glimpse.api.cluster;

import io.glimpse.api.web.ReadModel;
import io.glimpse.processing.consistency.ReadYourWrites;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Honours {@link ConsistencyToken}: a GET or HEAD that carries one waits until every read model
 * has processed the write it names, then is answered (after the timeout it is answered anyway, as
 * a write is). A token later than the newest stored event is taken as the newest, so a forged one
 * costs no more than a real one. A malformed one is 400 problem+json.
 */
class ConsistencyFilter extends OncePerRequestFilter {

    private static final List<String> READ_MODELS = Arrays.stream(ReadModel.values()).map(ReadModel::processor).toList();

    private final ReadYourWrites readYourWrites;
    private final HandlerExceptionResolver problems;

    ConsistencyFilter(ReadYourWrites readYourWrites, HandlerExceptionResolver problems) {
        this.readYourWrites = readYourWrites;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ConsistencyToken.HEADER) == null
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong token = ConsistencyToken.parse(request.getHeader(ConsistencyToken.HEADER));
        if (token.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    ConsistencyToken.HEADER + " must be a value a write answered with");
            problems.resolveException(request, response, null, new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null));
            return;
        }
        readYourWrites.awaitEvent(Math.min(token.getAsLong(), readYourWrites.headPosition()), READ_MODELS);
        chain.doFilter(request, response);
    }
}
