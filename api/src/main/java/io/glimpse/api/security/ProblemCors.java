package io.glimpse.api.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * CORS as Spring does it, except that a refused cross-origin request (an origin not allowed) is
 * answered with a 403 problem+json like every other error, not Spring's plain-text "Invalid CORS
 * request".
 */
public final class ProblemCors extends DefaultCorsProcessor {

    private ProblemCors() {
    }

    /** A CORS filter for the security filter chain, with this processor. */
    public static CorsFilter filter(CorsConfigurationSource source) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCors());
        return filter;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(("{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"This origin may not call the API from a browser (CORS)\"}").getBytes(StandardCharsets.UTF_8));
        response.flush();
    }
}
