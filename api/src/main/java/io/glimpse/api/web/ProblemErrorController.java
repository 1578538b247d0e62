package io.glimpse.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
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
@Hidden // not an operation of the API
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Called directly, not forwarded to with an error: there is nothing here.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemHandler.problem(HttpStatus.NOT_FOUND, "No such resource"));
        }
        Throwable error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                ? thrown : null;
        ResponseEntity<ProblemDetail> answer;
        if (error != null && Unavailable.isCause(error)) {
            // A filter (the session check of authentication) that could not reach the database.
            answer = Unavailable.answer(error);
        } else if (error != null && Causes.find(error, InvalidParameterException.class) != null) {
            // A filter read a parameter of a query string that cannot be decoded: the client's fault.
            answer = ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemHandler.problem(HttpStatus.BAD_REQUEST, ProblemHandler.MALFORMED_PARAMETERS));
        } else {
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
