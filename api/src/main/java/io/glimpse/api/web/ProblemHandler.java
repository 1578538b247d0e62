package io.glimpse.api.web;

import io.glimpse.adapters.media.ImageTooLargeException;
import io.glimpse.adapters.media.UnsupportedImageException;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.processing.UnknownProcessingException;
import io.glimpse.processing.status.ReplayRefusedException;
import io.glimpse.query.media.MediaException;
import io.glimpse.query.search.SearchUnavailableException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * Every error as RFC 9457 problem+json. Spring MVC's own exceptions (unknown route, wrong method,
 * malformed JSON, wrong content type, too large) come through the base class; this adds the
 * field-by-field {@code errors} list and the domain's rejections. Nothing unexpected leaks: a bug
 * is logged here and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String MALFORMED_PARAMETERS =
            "The query string is malformed: invalid percent-encoding or a parameter without a name";
    static final String TOO_MANY_PARTS = "The multipart body has too many parts";

    /** One invalid input field, as listed in a 400's {@code errors}. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError field ? field.getField()
                                : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @ExceptionHandler
    ProblemDetail handle(CommandRejectedException e) {
        return switch (e.reason()) {
            case INVALID -> validationProblem(List.of(new FieldProblem(e.field(), e.getMessage())));
            case FORBIDDEN -> problem(HttpStatus.FORBIDDEN, e.getMessage());
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, e.getMessage());
            case CONFLICT -> {
                ProblemDetail problem = problem(HttpStatus.CONFLICT, e.field() + " " + e.getMessage());
                problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
                yield problem;
            }
        };
    }

    /** An upload that is not an accepted image (415), too many pixels (413) or unreadable (400). */
    @ExceptionHandler
    ProblemDetail badImage(MediaException e) {
        if (e instanceof UnsupportedImageException) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        }
        return problem(e instanceof ImageTooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }

    /**
     * Also an id of another kind of thing (a comment's id where a post's is expected): Axon then
     * finds a stream whose events the aggregate does not know, and says it is incompatible.
     */
    @ExceptionHandler({NotFoundException.class, UnknownProcessingException.class, AggregateNotFoundException.class,
            IncompatibleAggregateException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e instanceof NotFoundException || e instanceof UnknownProcessingException
                ? e.getMessage() : "Not found");
    }

    @ExceptionHandler
    ProblemDetail replayRefused(ReplayRefusedException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * Another node appended to the same aggregate first (or created it first: Axon's
     * {@code AggregateStreamCreationException} for sequence 0 is no {@code ConcurrencyException}),
     * every time the command gateway retried (the event store's unique (aggregate, sequence) key
     * decided): nothing was stored, the client may send it again.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("Concurrent change of one aggregate, retries exhausted: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Changed concurrently by another request; nothing was stored, try again");
    }

    /**
     * A query string (or form body) Tomcat cannot decode: invalid percent-encoding ({@code %ff},
     * {@code %C0}, a lone {@code %}) or a parameter without a name ({@code ?=1}). Tomcat parses
     * parameters lazily, so this surfaces wherever a parameter is first read.
     */
    @ExceptionHandler
    ProblemDetail malformedParameters(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, MALFORMED_PARAMETERS);
    }

    /** A multipart body that cannot be parsed: no boundary, a broken part, a truncated body. */
    @ExceptionHandler
    ProblemDetail malformedMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "The multipart body is malformed");
    }

    /** Spring reports too many parts as too large: they are a malformed request, not a big one. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (Causes.find(e, FileCountLimitExceededException.class) != null) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, TOO_MANY_PARTS));
        }
        return super.handleMaxUploadSizeExceededException(e, headers, status, request);
    }

    /** A body over its limit (BodyLimitFilter), however the reading code wrapped the news. */
    @ExceptionHandler
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = Causes.find(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /**
     * A parameter sent in a form it cannot take, such as a file part named {@code tags}: Spring
     * counts a missing converter as a server error, but the client chose the form.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                "The parameter " + e.getPropertyName() + " cannot be read in the form it was sent"));
    }

    @ExceptionHandler
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A backing service (the search engine) cannot be reached: worth trying again shortly. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException e) {
        log.warn("Search is unavailable: {}", e.getCause() == null ? e : e.getCause().toString());
        return Unavailable.answer(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this");
    }

    /**
     * A bug is a bare 500; a body over its limit found deep in a cause is a 413; a database that
     * cannot be reached right now is a 503 ({@link Unavailable}).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        PayloadTooLargeException tooLarge = Causes.find(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
        }
        if (Unavailable.isCause(e)) {
            return Unavailable.answer(e);
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"));
    }

    /** Spring MVC's own problems (404, 405, 415, malformed JSON...) get their type here. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemTypes.typed(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemTypes.typed(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static ProblemDetail validationProblem(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setTitle("Invalid input");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", errors);
        return problem;
    }
}
