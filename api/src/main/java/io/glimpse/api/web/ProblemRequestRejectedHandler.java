package io.glimpse.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Answers a request that Spring Security's firewall refuses (an unknown method, {@code ..} or an
 * encoded {@code ;} in the path) with 400 problem+json, written here and now. Spring Security's
 * default handler calls {@code sendError}, and Tomcat's error dispatch that follows tries to parse
 * the request's multipart body again: with a broken body and an unreadable {@code Accept}, that
 * dispatch fails and Tomcat no longer lets the error page write, so the client got an empty 400.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("utf-8");
        response.getWriter().write(ProblemErrorReportValve.json(HttpStatus.BAD_REQUEST.value(), request.getRequestURI()));
    }
}
