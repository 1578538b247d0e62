package io.glimpse.processing.consistency;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentMap;

/**
 * Where each command's newest event landed in the event store, told by the storage engine once the
 * command's transaction has committed, so that the command's read-your-writes wait need not look
 * it up (a query on every write). Only for the JPA store, which numbers events as it inserts them.
 * Each is taken once by the wait of the write that sent the command; one nobody takes (a command
 * not sent by a controller) is dropped after a minute, or sooner when many are held.
 */
@Component
public class AppendedPositions {

    private final ConcurrentMap<String, Long> byCommand = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .<String, Long>build()
            .asMap();

    /** The unit of work that stored events at {@code globalIndex} (its newest) committed; kept if a command's. */
    public void committed(Message<?> unitOfWorkMessage, long globalIndex) {
        if (unitOfWorkMessage instanceof CommandMessage<?> command) {
            byCommand.merge(command.getIdentifier(), globalIndex, Math::max);
        }
    }

    /** The global index of the newest event this command stored, if it stored any here; forgotten once asked. */
    public OptionalLong take(String commandId) {
        Long position = byCommand.remove(commandId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }
}
