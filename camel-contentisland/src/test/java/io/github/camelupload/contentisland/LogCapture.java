package io.github.camelupload.contentisland;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Collects every log event (message and stack trace) while open, for assertions on what gets logged. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    record Entry(Level level, String logger, String text) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture open() {
        LogCapture capture = new LogCapture();
        capture.start0();
        return capture;
    }

    private void start0() {
        start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
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
        entries.add(new Entry(event.getLevel(), event.getLoggerName(), text.toString()));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<String> warnings() {
        return entries.stream().filter(e -> e.level() == Level.WARN).map(Entry::text).toList();
    }

    String all() {
        StringBuilder all = new StringBuilder();
        entries.forEach(e -> all.append(e.level()).append(' ').append(e.logger()).append(' ').append(e.text()).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
