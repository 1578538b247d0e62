package io.glimpse.api.web;

import io.glimpse.api.cluster.ConsistencyToken;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.processing.consistency.ReadYourWrites;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/**
 * Sends commands for the controllers. When {@link #send} returns, the command's events are stored
 * and the read models its caller named have processed them (see {@link ReadYourWrites}); the
 * response carries the write's {@link ConsistencyToken} for reads on other nodes.
 */
@Component
public class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    Commands(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    /** Sends a command about one aggregate and waits until these read models show its effect. */
    public void send(Object command, Object aggregateId, ReadModel shownIn, ReadModel... alsoShownIn) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        try {
            gateway.sendAndWait(message);
        } catch (CommandRejectedException e) {
            // Expected, and the caller's answer says why: one line, no stack trace (ExpectedRejectionsLogFilter).
            log.info("{} rejected ({}): {}", command.getClass().getSimpleName(), e.reason(), e.getMessage());
            throw e;
        }
        List<String> processors = EnumSet.of(shownIn, alsoShownIn).stream().map(ReadModel::processor).toList();
        ConsistencyToken.issue(readYourWrites.awaitCommand(message.getIdentifier(), aggregateId, processors));
    }
}
