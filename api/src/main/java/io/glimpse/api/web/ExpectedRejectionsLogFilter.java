package io.glimpse.api.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.glimpse.command.CommandRejectedException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Drops Axon's warnings about a command that an aggregate rejected as expected (a 403 across a
 * block, a 409 for a taken username): Axon's repository logs every exception thrown while an
 * aggregate is created with its whole stack trace (about 180 lines), so that ordinary 4xx traffic
 * could fill a disk. {@link Commands} logs such a rejection in one line instead. Anything else
 * Axon logs, unexpected failures included, is kept with its stack trace.
 */
@Component
class ExpectedRejectionsLogFilter extends TurboFilter {

    private static final String AXON = "org.axonframework.";

    ExpectedRejectionsLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().removeIf(ExpectedRejectionsLogFilter.class::isInstance);
            logback.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !logger.getName().startsWith(AXON) || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        // slf4j takes a trailing throwable argument as the event's exception.
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        return Causes.find(thrown, CommandRejectedException.class) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
