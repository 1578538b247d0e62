package io.glimpse.processing.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How long each kind of command took on the command bus and how it ended, in
 * {@code /actuator/prometheus}: {@code glimpse_commands_seconds{command,result}}, with the
 * command's simple name and {@code result} succeeded or failed (a rejection is a failure).
 *
 * <p>In place of Axon's command bus monitors, which build every meter's id and look it up in the
 * registry for each command (three meters, and Micrometer's check for a meter registered twice
 * each time): that was 7% of a like's time on its request thread (benchmark/README.md, "Writes").
 * These timers are made once per command and result.
 */
public final class CommandMonitor implements MessageMonitor<Message<?>> {

    private final MeterRegistry registry;
    private final Map<Class<?>, Timers> byCommand = new ConcurrentHashMap<>();

    public CommandMonitor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = System.nanoTime();
        Timers timers = byCommand.computeIfAbsent(message.getPayloadType(), this::timersOf);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                timers.succeeded.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                timers.failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                // a command bus handles or fails every command
            }
        };
    }

    private Timers timersOf(Class<?> command) {
        return new Timers(timer(command, "succeeded"), timer(command, "failed"));
    }

    private Timer timer(Class<?> command, String result) {
        return Timer.builder("glimpse.commands")
                .description("Time the command bus took to handle a command")
                .tags("command", command.getSimpleName(), "result", result)
                .register(registry);
    }

    private record Timers(Timer succeeded, Timer failed) {
    }
}
