package org.parley.events.support;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one class logs (through jboss-logging, which the tests route to JUL's jboss-logmanager). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** Records at exactly this level (WARN and WARNING share a value, as do INFO and INFO). */
    public long count(Level level, String containing) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() == level.intValue())
                .filter(record -> formatted(record).contains(containing))
                .count();
    }

    public long countAtLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).count();
    }

    public List<String> messages() {
        return records.stream().map(record -> record.getLevel() + " " + formatted(record)).toList();
    }

    private static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
