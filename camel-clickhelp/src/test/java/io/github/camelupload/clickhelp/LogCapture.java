package io.github.camelupload.clickhelp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects every log event (message and stack trace, formatted) while open. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    record Line(Level level, String logger, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.start0();
        return capture;
    }

    private void start0() {
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.addAppender(this, Level.ALL, null);
        }
        config.getRootLogger().addAppender(this, Level.ALL, null);
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        lines.add(new Line(event.getLevel(), event.getLoggerName(), text.toString()));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    String all() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.level()).append(' ').append(l.logger()).append(" - ").append(l.text()).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(getName());
        }
        config.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
