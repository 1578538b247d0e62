package io.glimpse.api.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error page, for the errors Tomcat answers before any servlet runs: a request line or
 * header it cannot parse (a control character, an {@code Authorization} header over the 8 KB header
 * limit), an encoded slash ({@code %2f}) in a path. Tomcat's own {@link ErrorReportValve} writes an
 * HTML page there; this writes the same problem+json as every other error. Errors inside the
 * application never get here: they are answered by {@link ProblemHandler} or, from filters, by
 * {@link ProblemErrorController}.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing for a success, after a body was begun, or twice.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status, request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more: nothing left to tell.
        }
    }

    /** The problem document for {@code status} at {@code path}, as JSON. */
    static String json(int status, String path) {
        return JSON.writeValueAsString(problem(status, path));
    }

    static Map<String, Object> problem(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.forStatus(org.springframework.http.HttpStatusCode.valueOf(status)).toString());
        problem.put("title", known == null ? "Error " + status : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", status == 400
                ? "The request could not be read: a malformed request line, header or path"
                : known == null ? "The request failed" : known.getReasonPhrase());
        if (path != null) {
            problem.put("instance", path);
        }
        return problem;
    }
}
