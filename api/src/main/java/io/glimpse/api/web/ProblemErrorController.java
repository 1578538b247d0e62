package io.glimpse.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors raised outside Spring MVC (by the servlet container or a filter) end up at
 * {@code /error}; this answers them as problem+json too, replacing Spring Boot's default page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer;
        // A filter (the session check of authentication) that could not reach the database.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error && Unavailable.isCause(error)) {
            answer = Unavailable.answer(error);
        } else {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
            answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.typed(ProblemDetail.forStatus(status)));
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            answer.getBody().setInstance(URI.create(uri));
        }
        return answer;
    }
}
