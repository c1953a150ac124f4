package io.github.camelupload.support.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Collects every log event (message and stack trace, formatted) while open, for tests that assert on what gets
 * logged, secrets tests above all. It attaches to every configured logger as well as the root, so a logger that does
 * not pass events up (additivity=false) cannot slip past it. Shared by the components' tests through this module's
 * test-jar.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    public record Entry(Level level, String logger, String text) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** Levels changed by {@link #openAtTrace}, restored by {@link #close()}. */
    private final Map<String, Level> changedLevels = new HashMap<>();
    private final List<String> addedLoggers = new ArrayList<>();

    private LogCapture() {
        super("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture open() {
        return attach(new LogCapture());
    }

    /**
     * Like {@link #open()}, and turns every logger up to TRACE until closed, HttpClient's and Camel's included.
     *
     * @param serverSide logger name prefixes left at INFO: the in-process emulators and their Jetty stand in for the
     *                   remote service, whose own logs of the requests it received are not the client's
     */
    public static LogCapture openAtTrace(String... serverSide) {
        LogCapture capture = new LogCapture();
        Configuration config = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
        for (String name : serverSide) {
            if (!config.getLoggers().containsKey(name)) {
                config.addLogger(name, new LoggerConfig(name, Level.INFO, true));
                capture.addedLoggers.add(name);
            }
        }
        List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
        loggers.add(config.getRootLogger());
        for (LoggerConfig logger : loggers) {
            boolean server = !logger.getName().isEmpty()
                             && Arrays.stream(serverSide).anyMatch(prefix -> logger.getName().startsWith(prefix));
            if (!server) {
                capture.changedLevels.put(logger.getName(), logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        return attach(capture);
    }

    private static LogCapture attach(LogCapture capture) {
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.addAppender(capture, Level.ALL, null);
        }
        config.getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        return capture;
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

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> warnings() {
        return entries.stream().filter(e -> e.level() == Level.WARN).map(Entry::text).toList();
    }

    /** Everything captured, one event per line (with its stack trace). */
    public String all() {
        StringBuilder all = new StringBuilder();
        entries.forEach(e -> all.append(e.level()).append(' ').append(e.logger()).append(" - ").append(e.text()).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(getName());
        }
        config.getRootLogger().removeAppender(getName());
        changedLevels.forEach((name, level) -> (name.isEmpty() ? config.getRootLogger() : config.getLoggers().get(name))
                .setLevel(level));
        addedLoggers.forEach(config::removeLogger);
        context.updateLoggers();
        stop();
    }
}
