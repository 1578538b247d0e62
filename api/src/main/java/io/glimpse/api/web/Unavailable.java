package io.glimpse.api.web;

import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A backing service (the database, Redis, the search engine) that cannot be reached right now is
 * not a bug: the answer is 503 problem+json with {@code Retry-After}, so that clients try again,
 * and the log gets one line instead of a stack trace per request. Whatever was refused changed
 * nothing: a command's events and the command-side facts commit in one transaction, or not at all.
 */
final class Unavailable {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

    /** Seconds a client should wait: about what a database restart or a failover takes. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final int MAX_CAUSES = 32;

    private Unavailable() {
    }

    /**
     * Whether the error, or anything that caused it, says a connection could not be made or was
     * lost: JDBC's connection exceptions and SQL states of class 08 (connection exception) and 57P
     * (the server shutting down or starting up), Hibernate's and Spring's translations of them, and
     * a transaction that could not begin. Axon may wrap these in its own exceptions (even in one
     * that blames a duplicate aggregate id), so the whole chain of causes is searched.
     */
    static boolean isCause(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** The 503 answer to an error {@link #isCause} recognised; logs one line. */
    static ResponseEntity<ProblemDetail> answer(Throwable error) {
        log.warn("A backing service is unavailable: {}", summary(error));
        return answer("A service this request needs is unavailable; try again shortly");
    }

    /** The 503 answer, with the detail given and {@code Retry-After}. */
    static ResponseEntity<ProblemDetail> answer(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemTypes.typed(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail)));
    }

    /** One line for the log: what could not be reached, without the stack. */
    private static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return error.getClass().getSimpleName() + (root == error ? "" : " caused by " + root);
    }
}
