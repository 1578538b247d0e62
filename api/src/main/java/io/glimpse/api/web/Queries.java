package io.glimpse.api.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Asks the query side through Axon's query bus and waits for the answer. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> type) {
        return join(gateway.query(query, ResponseTypes.instanceOf(type)));
    }

    public <R> Optional<R> optional(Object query, Class<R> type) {
        return join(gateway.query(query, ResponseTypes.optionalInstanceOf(type)));
    }

    private static <R> R join(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
