package org.studentsupport.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "studentsupport.reports")
public interface ReportSettings {

    /**
     * The longest one report statement may run; past it the database cancels it and the report is a
     * 503 saying so. Below the HTTP idle timeout (30 s), so that a long report gets an answer instead
     * of a closed connection. Whole seconds.
     */
    @WithDefault("25s")
    Duration statementTimeout();
}
