package org.studentsupport.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.studentsupport.roster.oneroster.BundleException;
import org.studentsupport.roster.oneroster.BundleValidator;
import org.studentsupport.roster.oneroster.Counts;
import org.studentsupport.roster.oneroster.JdbcExistingRows;
import org.studentsupport.roster.oneroster.Problem;
import org.studentsupport.roster.oneroster.Problems;
import org.studentsupport.roster.oneroster.RosterBundle;
import org.studentsupport.roster.oneroster.RosterIndex;
import org.studentsupport.roster.oneroster.RosterWriter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Imports one OneRoster bundle for one district, all or nothing: validates every file first
 * (nothing is written when anything is wrong), then writes everything in one transaction, which a
 * dry run rolls back. Used by the import jobs, the demo data and the benchmark alike.
 */
@ApplicationScoped
public class RosterImporter {

    /** What an import did, or why it did nothing. */
    public record Outcome(boolean accepted, Map<String, Counts> counts, int problemCount, List<Problem> problems, long rows) {

        public Counts totals() {
            Counts totals = new Counts();
            counts.values().forEach(totals::add);
            return totals;
        }
    }

    /** Told how far the import has come. */
    public interface Progress {
        void validating(int percent);

        void writing(int percent, long rowsWritten);

        Progress NONE = new Progress() {
            @Override
            public void validating(int percent) {
            }

            @Override
            public void writing(int percent, long rowsWritten) {
            }
        };
    }

    private final AgroalDataSource dataSource;
    private final ImportLimits limits;

    public RosterImporter(AgroalDataSource dataSource, ImportLimits limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    public Outcome run(Path zip, String district, boolean dryRun, Progress progress) {
        Problems problems = new Problems(limits.maxProblemsKept());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (RosterBundle bundle = RosterBundle.open(zip, new RosterBundle.Limits(limits.maxUncompressedBytes(),
                limits.maxEntries(), limits.maxCompressionRatio()))) {
            long declared = Math.max(1, bundle.declaredBytes());
            RosterIndex index;
            try (Connection connection = dataSource.getConnection()) {
                index = new BundleValidator(bundle, district, new JdbcExistingRows(connection, district), problems, today,
                        read -> progress.validating((int) Math.min(100, read * 100 / declared))).validate();
            }
            if (problems.any()) {
                return rejected(problems, index.rows());
            }
            long total = Math.max(1, index.rows());
            try {
                Map<String, Counts> counts = QuarkusTransaction.requiringNew().timeout(limits.transactionTimeoutSeconds()).call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        Map<String, Counts> written = new RosterWriter(connection, bundle, index, district, problems, today,
                                rows -> progress.writing((int) Math.min(99, rows * 100 / total), rows)).write();
                        if (dryRun) {
                            throw new DryRun(written);
                        }
                        return written;
                    }
                });
                return new Outcome(true, counts, 0, List.of(), index.rows());
            } catch (DryRun done) {
                return new Outcome(true, done.counts, 0, List.of(), index.rows());
            } catch (RosterWriter.ProblemsFound found) {
                return rejected(problems, index.rows());
            }
        } catch (BundleException e) {
            problems.add(Problem.ofBundle(e.getMessage()));
            return rejected(problems, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("The roster import failed in the database", e);
        }
    }

    private static Outcome rejected(Problems problems, long rows) {
        return new Outcome(false, Map.of(), problems.count(), problems.kept(), rows);
    }

    /** Rolls the dry run's transaction back, carrying what it would have done. */
    private static final class DryRun extends RuntimeException {
        final transient Map<String, Counts> counts;

        DryRun(Map<String, Counts> counts) {
            super("dry run", null, false, false);
            this.counts = counts;
        }
    }
}
