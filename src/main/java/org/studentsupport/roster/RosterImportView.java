package org.studentsupport.roster;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.roster.oneroster.Counts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "RosterImport", description = "A roster import job: its status, progress, counts and problems")
public record RosterImportView(
        UUID id,
        @Schema(description = "queued, running, succeeded (or validated, for a dry run), rejected (problems, nothing written) or failed (server error, nothing written)")
        RosterImport.Status status,
        RosterImport.Phase phase,
        @Schema(description = "Validation counts for the first half, writing for the second", minimum = "0", maximum = "100", format = "int32")
        int progressPercent,
        boolean dryRun,
        @Schema(description = "OneRoster sourcedId of the district imported into", maxLength = 255) String district,
        @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long uploadBytes,
        @Schema(description = "Data rows read from the bundle's files", minimum = "0", maximum = "9223372036854775807", format = "int64")
        long rows,
        @Schema(description = "What the import did (or, for a dry run, would do), all kinds of record together") ImportCounts totals,
        @Schema(description = "The same per kind of record (schools, academicSessions, courses, classes, students, teachers, familyContacts, familyLinks, demographics, enrollments, classTeachers)", maxItems = 20)
        List<KindCounts> byKind,
        @Schema(description = "How many problems were found (all of them, even when only the first are kept)", minimum = "0", maximum = "2147483647", format = "int32")
        int problemCount,
        @Schema(description = "The first problems; page through all kept ones at /problems", maxItems = 100) List<ImportProblemView> problems,
        @Schema(maxLength = 1000) String message,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    @Schema(name = "ImportCounts")
    public record ImportCounts(
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long created,
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long updated,
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long unchanged,
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long deleted) {

        static ImportCounts of(Counts c) {
            return new ImportCounts(c.created, c.updated, c.unchanged, c.deleted);
        }
    }

    @Schema(name = "ImportKindCounts")
    public record KindCounts(@Schema(maxLength = 50) String kind, ImportCounts counts) {
    }

    static RosterImportView from(RosterImport job, Map<String, Counts> byKind, List<RosterImportProblem> problems) {
        return new RosterImportView(job.id, job.status, job.phase, job.progressPercent, job.dryRun, job.districtSourcedId,
                job.uploadBytes, job.rowsRead,
                new ImportCounts(job.createdCount, job.updatedCount, job.unchangedCount, job.deletedCount),
                byKind.entrySet().stream().map(e -> new KindCounts(e.getKey(), ImportCounts.of(e.getValue()))).toList(),
                job.problemCount, problems.stream().map(ImportProblemView::from).toList(), job.message,
                job.createdAt, job.startedAt, job.finishedAt);
    }
}
