package org.studentsupport.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo district's roster for the run command: a generated OneRoster bundle (~300 students over
 * the three demo schools, with classes, teachers and families), loaded through the same import as
 * any district's. Runs after the demo schools are seeded and before the features that build on the
 * roster; skipped when the district already has students.
 */
@ApplicationScoped
public class RosterDemoData {

    private static final Logger LOG = Logger.getLogger(RosterDemoData.class);

    private final boolean enabled;
    private final RosterImportService imports;
    private final AgroalDataSource dataSource;

    public RosterDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled,
                          RosterImportService imports, AgroalDataSource dataSource) {
        this.enabled = enabled;
        this.imports = imports;
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) throws IOException, SQLException {
        if (!enabled) {
            return;
        }
        RosterGenerator.Spec spec = RosterGenerator.demo();
        if (hasStudents(spec.district())) {
            LOG.info("Demo roster already present; nothing to import");
            return;
        }
        Path zip = Files.createTempFile("demo-roster-", ".zip");
        try {
            new RosterGenerator(spec).write(zip);
            RosterImport job = imports.runNow(zip, spec.district(), "demo-data", false);
            if (job.status != RosterImport.Status.succeeded) {
                throw new IllegalStateException("The demo roster did not import: " + job.message);
            }
            LOG.infof("Imported the demo roster: %d records created", job.createdCount);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private boolean hasStudents(String district) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM student s JOIN school sc ON sc.id = s.school_id "
                     + "JOIN district d ON d.id = sc.district_id WHERE d.sourced_id = '" + district.replace("'", "''") + "')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
