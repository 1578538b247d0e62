package io.glimpse.query.batch;

import org.springframework.jdbc.core.JdbcOperations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/** The real database's operations, noting each update and JDBC batch sent, to count round trips. */
public final class RecordingJdbcOperations {

    private RecordingJdbcOperations() {
    }

    /** Notes "batchUpdate of N: sql" or "update: sql" in {@code sent} for each statement sent through {@code real}. */
    public static JdbcOperations of(JdbcOperations real, List<String> sent) {
        return (JdbcOperations) Proxy.newProxyInstance(RecordingJdbcOperations.class.getClassLoader(),
                new Class<?>[]{JdbcOperations.class}, (proxy, method, args) -> {
                    if (method.getName().equals("batchUpdate")) {
                        sent.add("batchUpdate of " + ((List<?>) args[1]).size() + ": " + args[0]);
                    } else if (method.getName().equals("update")) {
                        sent.add("update: " + args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
