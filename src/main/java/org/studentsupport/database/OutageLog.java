package org.studentsupport.database;

import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs the outage of a dependency (the database, the identity provider) once, as one WARN line
 * without a stack trace, however many requests and background runs run into it; again only after a
 * quiet interval. Every further occurrence is logged at DEBUG.
 */
public final class OutageLog {

    private static final long INTERVAL_MILLIS = 60_000;
    private static final Map<String, Long> LAST = new ConcurrentHashMap<>();

    private OutageLog() {
    }

    /** Forgets every outage seen, so that a test's outage is warned about as the first one. */
    static void forget() {
        LAST.clear();
    }

    public static void warnOnce(Logger log, String dependency, String message) {
        long now = System.currentTimeMillis();
        Long last = LAST.get(dependency);
        boolean first = last == null ? LAST.putIfAbsent(dependency, now) == null
                : now - last >= INTERVAL_MILLIS && LAST.replace(dependency, last, now);
        if (first) {
            log.warn(message);
        } else {
            log.debug(message);
        }
    }
}
