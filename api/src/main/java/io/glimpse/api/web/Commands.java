package io.glimpse.api.web;

import io.glimpse.api.consistency.ReadYourWrites;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends commands for the controllers. When this returns, the command's events are stored and the
 * projections have processed them (see {@link ReadYourWrites}).
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    Commands(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    /** Sends a command about one aggregate and waits until the read models show its effect. */
    public void send(Object command, Object aggregateId) {
        gateway.sendAndWait(command);
        readYourWrites.awaitAggregate(aggregateId);
    }
}
