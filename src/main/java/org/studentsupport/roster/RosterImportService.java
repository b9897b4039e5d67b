package org.studentsupport.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studentsupport.roster.oneroster.Counts;
import org.studentsupport.roster.oneroster.Problem;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.metrics.BusinessMeters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Roster import jobs: an upload is saved to a temporary file (within the size limit), recorded as
 * a queued job and imported in the background, one import at a time; the job row tells its
 * progress, counts and problems.
 */
@ApplicationScoped
public class RosterImportService {

    private static final Logger LOG = Logger.getLogger(RosterImportService.class);
    private static final long PROGRESS_EVERY_MILLIS = 1000;

    private final RosterImporter importer;
    private final RosterImportRepository jobs;
    private final ObjectMapper json;
    private final BusinessMeters meters;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "roster-import");
        thread.setDaemon(true);
        return thread;
    });

    public RosterImportService(RosterImporter importer, RosterImportRepository jobs, ObjectMapper json, BusinessMeters meters) {
        this.importer = importer;
        this.jobs = jobs;
        this.json = json;
        this.meters = meters;
    }

    /** Jobs a previous run of the service left unfinished (their uploads were temporary files) are failed: nothing was written. */
    void recover(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        int stale = QuarkusTransaction.requiringNew().call(() -> jobs.update(
                "status = ?1, phase = ?2, message = ?3, finishedAt = ?4 where status in ?5",
                RosterImport.Status.failed, RosterImport.Phase.done,
                "The service stopped before this import finished; nothing was written. Upload the bundle again.", Instant.now(),
                List.of(RosterImport.Status.queued, RosterImport.Status.running)));
        if (stale > 0) {
            LOG.warnf("%d roster import(s) were interrupted by a restart and are marked failed", stale);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Queues the import of an uploaded bundle; the job owns the file from here on and deletes it
     * when the import ends (or at once, when the job cannot be recorded).
     */
    public RosterImport submit(Path file, String district, String requestedBy, boolean dryRun) {
        RosterImport job;
        try {
            job = create(district, requestedBy, dryRun, Files.size(file));
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        UUID id = job.id;
        worker.submit(() -> {
            try {
                execute(id, file);
            } finally {
                delete(file);
            }
        });
        return job;
    }

    /** Imports a bundle right away on the calling thread, through the same job records (demo data, benchmark). */
    public RosterImport runNow(Path file, String district, String requestedBy, boolean dryRun) throws IOException {
        RosterImport job = create(district, requestedBy, dryRun, Files.size(file));
        execute(job.id, file);
        return QuarkusTransaction.requiringNew().call(() -> jobs.findById(job.id));
    }

    private RosterImport create(String district, String requestedBy, boolean dryRun, long bytes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RosterImport job = new RosterImport(district, requestedBy, dryRun, bytes);
            jobs.persist(job);
            return job;
        });
    }

    private void execute(UUID id, Path file) {
        String district = QuarkusTransaction.requiringNew().call(() -> {
            RosterImport job = jobs.findById(id);
            job.status = RosterImport.Status.running;
            job.phase = RosterImport.Phase.validating;
            job.startedAt = Instant.now();
            return job.districtSourcedId;
        });
        boolean dryRun = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).dryRun);
        try {
            RosterImporter.Outcome outcome = importer.run(file, district, dryRun, new JobProgress(id));
            QuarkusTransaction.requiringNew().run(() -> finish(id, outcome));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Roster import %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> {
                RosterImport job = jobs.findById(id);
                job.status = RosterImport.Status.failed;
                job.phase = RosterImport.Phase.done;
                job.message = "The import failed on the server and wrote nothing; the server log has the details under import " + id;
                job.finishedAt = Instant.now();
                countOutcome(job);
            });
        }
    }

    private void countOutcome(RosterImport job) {
        meters.countOnCommit("roster.imports", "outcome", job.status.name(), "dry_run", Boolean.toString(job.dryRun));
    }

    private void finish(UUID id, RosterImporter.Outcome outcome) {
        RosterImport job = jobs.findById(id);
        job.phase = RosterImport.Phase.done;
        job.finishedAt = Instant.now();
        job.rowsRead = outcome.rows();
        if (!outcome.accepted()) {
            job.status = RosterImport.Status.rejected;
            job.problemCount = outcome.problemCount();
            job.message = outcome.problemCount() + " problem(s) found; nothing was written"
                    + (outcome.problemCount() > outcome.problems().size() ? " (the first " + outcome.problems().size() + " are listed)" : "");
            int seq = 0;
            for (Problem p : outcome.problems()) {
                jobs.getEntityManager().persist(new RosterImportProblem(id, ++seq, p.file(), p.line(), p.column(), p.message()));
            }
            countOutcome(job);
            return;
        }
        job.status = RosterImport.Status.succeeded;
        job.progressPercent = 100;
        Counts totals = outcome.totals();
        job.createdCount = totals.created;
        job.updatedCount = totals.updated;
        job.unchangedCount = totals.unchanged;
        job.deletedCount = totals.deleted;
        try {
            job.countsByEntity = json.writeValueAsString(outcome.counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        job.message = job.dryRun ? "Dry run: the bundle is valid; nothing was written" : "Imported";
        countOutcome(job);
    }

    @Transactional
    public RosterImport get(UUID id, String district) {
        return jobs.findInDistrict(id, district).orElseThrow(() -> new NotFoundException("Roster import " + id));
    }

    @Transactional
    public Page<RosterImport> list(String district, PageRequest page) {
        return Page.of(jobs.pageInDistrict(district, page.offset(), page.size()), page, jobs.countInDistrict(district));
    }

    @Transactional
    public Page<RosterImportProblem> problems(UUID id, String district, PageRequest page) {
        get(id, district);
        return Page.of(jobs.problems(id, page.offset(), page.size()), page, jobs.countProblems(id));
    }

    @Transactional
    public List<RosterImportProblem> firstProblems(UUID id, int max) {
        return jobs.problems(id, 0, max);
    }

    public Map<String, Counts> countsOf(RosterImport job) {
        if (job.countsByEntity == null) {
            return Map.of();
        }
        try {
            return json.readValue(job.countsByEntity, json.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Counts.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s", file);
        }
    }

    /** Writes progress to the job row, at most once a second. */
    private final class JobProgress implements RosterImporter.Progress {
        private final UUID id;
        private long last;

        JobProgress(UUID id) {
            this.id = id;
        }

        @Override
        public void validating(int percent) {
            save(RosterImport.Phase.validating, percent / 2, -1);
        }

        @Override
        public void writing(int percent, long rowsWritten) {
            save(RosterImport.Phase.writing, 50 + percent / 2, rowsWritten);
        }

        private void save(RosterImport.Phase phase, int percent, long rows) {
            long now = System.currentTimeMillis();
            if (now - last < PROGRESS_EVERY_MILLIS) {
                return;
            }
            last = now;
            QuarkusTransaction.requiringNew().run(() -> {
                RosterImport job = jobs.findById(id);
                job.phase = phase;
                job.progressPercent = Math.min(99, percent);
                if (rows >= 0) {
                    job.rowsRead = rows;
                }
            });
        }
    }
}
