package org.studentsupport.embedded;

import java.util.Map;

/** A separate embedded PostgreSQL for tests that take the database away from a running service. */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** Starts one (throw-away data) and returns the settings that point the service at it. */
    public static Map<String, String> start() {
        return EmbeddedPostgresServer.start(null);
    }
}
