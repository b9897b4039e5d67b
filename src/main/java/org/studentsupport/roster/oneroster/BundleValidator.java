package org.studentsupport.roster.oneroster;

import org.studentsupport.roster.oneroster.ExistingRows.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The first pass over a bundle: reads the manifest and every file it names, row by row, checks
 * each cell, each key and each reference (to the bundle or, for files given as delta, to what the
 * database holds), and builds the {@link RosterIndex} the write pass needs. It writes nothing.
 */
public final class BundleValidator {

    private static final Set<String> READ_FILES = java.util.Arrays.stream(OneRosterFile.values())
            .map(f -> "file." + f.manifestName()).collect(java.util.stream.Collectors.toSet());

    private final RosterBundle bundle;
    private final String district;
    private final ExistingRows existing;
    private final Problems problems;
    private final LocalDate today;
    private final LongConsumer bytesRead;
    private final RosterIndex index = new RosterIndex();
    private final References references;
    // The line of the row being handled (rows reach the handlers in file order).
    private long lastLine;
    private OneRosterFile currentFile;
    private boolean keyOk;

    public BundleValidator(RosterBundle bundle, String district, ExistingRows existing, Problems problems, LocalDate today,
                           LongConsumer bytesRead) {
        this.bundle = bundle;
        this.district = district;
        this.existing = existing;
        this.problems = problems;
        this.today = today;
        this.bytesRead = bytesRead;
        this.references = new References(index, existing, problems);
    }

    public RosterIndex validate() {
        bundle.newPass();
        if (!readManifest()) {
            return index;
        }
        for (OneRosterFile file : OneRosterFile.values()) {
            Mode mode = index.mode(file);
            if (mode == Mode.ABSENT) {
                continue;
            }
            if (!bundle.has(file.fileName())) {
                problems.add(new Problem("manifest.csv", null, "file." + file.manifestName(),
                        "The manifest gives file." + file.manifestName() + " as " + mode.name().toLowerCase(Locale.ROOT)
                                + " but the zip has no " + file.fileName()));
                continue;
            }
            read(file, mode);
            bytesRead.accept(bundle.inflatedThisPass());
        }
        references.resolve();
        return index;
    }

    private boolean readManifest() {
        if (!bundle.has("manifest.csv")) {
            problems.add(Problem.ofBundle("The zip has no manifest.csv; a OneRoster 1.2 CSV bundle starts with one"));
            return false;
        }
        Map<String, String> properties = new HashMap<>();
        boolean read;
        try {
            read = CsvTable.read(bundle.open("manifest.csv"), "manifest.csv", List.of("propertyName", "value"), problems, row -> {
                String name = row.get("propertyName");
                if (name == null) {
                    problems.add(row.file, row.line, "propertyName", "propertyName is required");
                } else if (properties.put(name, row.get("value") == null ? "" : row.get("value")) != null) {
                    problems.add(row.file, row.line, "propertyName", "Property '" + Cells.shorten(name) + "' appears twice");
                }
                boolean ours = name != null && READ_FILES.contains(name);
                if (ours && row.get("value") != null
                        && !Set.of("bulk", "delta", "absent").contains(row.get("value").toLowerCase(Locale.ROOT))) {
                    problems.add(row.file, row.line, "value", name + " is '" + Cells.shorten(row.get("value")) + "'; it must be bulk, delta or absent");
                } else if (ours && row.get("value") == null) {
                    problems.add(row.file, row.line, "value", name + " has no value; it must be bulk, delta or absent");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read) {
            return false;
        }
        String version = properties.get("oneroster.version");
        if (version == null || !(version.equals("1.2") || version.startsWith("1.2."))) {
            problems.add(new Problem("manifest.csv", null, "oneroster.version",
                    "oneroster.version is " + (version == null ? "missing" : "'" + Cells.shorten(version) + "'")
                            + "; this service reads OneRoster 1.2 CSV bundles"));
        }
        for (OneRosterFile file : OneRosterFile.values()) {
            String value = properties.get("file." + file.manifestName());
            if (value == null) {
                problems.add(new Problem("manifest.csv", null, "file." + file.manifestName(),
                        "The manifest does not say file." + file.manifestName() + " (bulk, delta or absent)"));
                continue;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "bulk" -> index.modes.put(file, Mode.BULK);
                case "delta" -> index.modes.put(file, Mode.DELTA);
                default -> index.modes.put(file, Mode.ABSENT);
            }
        }
        return true;
    }

    private void read(OneRosterFile file, Mode mode) {
        currentFile = file;
        switch (file) {
            case ORGS -> Rows.stream(bundle, file, mode, problems, Rows::org, this::at, this::org);
            case ACADEMIC_SESSIONS -> Rows.stream(bundle, file, mode, problems, Rows::session, this::at, row -> {
                if (keyOk && !row.deleted() && row.parent() != null) {
                    ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, row.parent(), "parentSourcedId");
                }
            });
            case COURSES -> Rows.stream(bundle, file, mode, problems, Rows::course, this::at, row -> {
                if (keyOk && !row.deleted()) {
                    ref(Kind.ORG, OneRosterFile.ORGS, row.org(), "orgSourcedId");
                    if (row.schoolYear() != null) {
                        ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, row.schoolYear(), "schoolYearSourcedId");
                    }
                }
            });
            case CLASSES -> Rows.stream(bundle, file, mode, problems, Rows::classRow, this::at, row -> {
                if (keyOk && !row.deleted()) {
                    ref(Kind.COURSE, OneRosterFile.COURSES, row.course(), "courseSourcedId");
                    ref(Kind.SCHOOL, OneRosterFile.ORGS, row.school(), "schoolSourcedId");
                    row.terms().forEach(term -> ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, term, "termSourcedIds"));
                }
            });
            case USERS -> Rows.stream(bundle, file, mode, problems, Rows::user, this::at, this::user);
            case ROLES -> Rows.stream(bundle, file, mode, problems, Rows::role, this::at, this::role);
            case DEMOGRAPHICS -> Rows.stream(bundle, file, mode, problems,
                    (row, m, cells, p) -> Rows.demographic(row, m, cells, p, today), this::at, row -> {
                        if (keyOk && !row.deleted()) {
                            ref(Kind.USER, OneRosterFile.USERS, row.sourcedId(), "sourcedId");
                        }
                    });
            case ENROLLMENTS -> Rows.stream(bundle, file, mode, problems, Rows::enrollment, this::at, this::enrollment);
        }
        index.rows += index.kept.get(file).size() + index.deleted.get(file).size();
    }

    private void org(Rows.OrgRow row) {
        String file = OneRosterFile.ORGS.fileName();
        if (!keyOk) {
            return;
        }
        if (row.deleted()) {
            problems.add(file, lastLine, "status", "Removing an org (" + row.sourcedId()
                    + ") through the import is not supported; remove its classes and students instead");
            return;
        }
        if (row.type().equals("district")) {
            if (!row.sourcedId().equals(district)) {
                problems.add(file, lastLine, "sourcedId", "District " + row.sourcedId()
                        + " is not your district (" + district + "); a bundle may only load your own district");
                return;
            }
            index.districtName = row.name();
        } else if (row.parent() != null && !row.parent().equals(district)) {
            problems.add(file, lastLine, "parentSourcedId", "School " + row.sourcedId() + " belongs to "
                    + row.parent() + ", which is not your district (" + district + ")");
        }
        index.orgTypes.put(row.sourcedId(), row.type());
    }

    private void user(Rows.UserRow row) {
        if (!keyOk) {
            return;
        }
        RosterIndex.UserEntry entry = index.user(row.sourcedId());
        entry.inUsersFile = !row.deleted();
        entry.usersLine = lastLine;
        if (row.deleted()) {
            return;
        }
        entry.primaryOrgSourcedId = row.primaryOrg();
        if (row.primaryOrg() != null) {
            ref(Kind.ORG, OneRosterFile.ORGS, row.primaryOrg(), "primaryOrgSourcedId");
        }
        for (String agent : row.agents()) {
            if (agent.equals(row.sourcedId())) {
                problems.add(OneRosterFile.USERS.fileName(), lastLine, "agentSourcedIds", "A user cannot be their own agent");
            } else {
                references.addAgent(row.sourcedId(), agent, lastLine);
            }
        }
    }

    private void role(Rows.RoleRow row) {
        if (!keyOk || row.deleted()) {
            return;
        }
        ref(Kind.USER, OneRosterFile.USERS, row.user(), "userSourcedId");
        // a student attends a school; other roles may sit at the district
        ref(row.role().equals("student") ? Kind.SCHOOL : Kind.ORG, OneRosterFile.ORGS, row.org(), "orgSourcedId");
        RosterIndex.UserEntry entry = index.user(row.user());
        switch (row.role()) {
            case "student" -> {
                entry.kinds |= RosterIndex.STUDENT;
                boolean primary = row.roleType().equals("primary");
                if (entry.schoolSourcedId == null || (primary && !entry.schoolFromPrimaryRole)) {
                    entry.schoolSourcedId = row.org();
                    entry.schoolFromPrimaryRole = primary;
                }
            }
            case "teacher" -> entry.kinds |= RosterIndex.TEACHER;
            case "parent", "guardian", "relative" -> {
                entry.kinds |= RosterIndex.CONTACT;
                if (entry.contactRole == null || rank(row.role()) < rank(entry.contactRole)) {
                    entry.contactRole = row.role();
                }
            }
            default -> {
                // other roles (administrators, aides, counselors ...) are not kept by this service
            }
        }
    }

    private void enrollment(Rows.EnrollmentRow row) {
        if (!keyOk || row.deleted()) {
            return;
        }
        ref(Kind.CLASS, OneRosterFile.CLASSES, row.classSourcedId(), "classSourcedId");
        ref(Kind.SCHOOL, OneRosterFile.ORGS, row.school(), "schoolSourcedId");
        Kind kind = switch (row.role()) {
            case "student" -> Kind.STUDENT;
            case "teacher" -> Kind.TEACHER;
            default -> Kind.USER;
        };
        ref(kind, OneRosterFile.USERS, row.user(), "userSourcedId");
    }

    /** Every row's key is recorded, valid or not, so that one bad row does not make every reference to it a problem too. */
    private void at(CsvTable.Row row) {
        lastLine = row.line;
        String sourcedId = row.get("sourcedId");
        keyOk = sourcedId != null && key(currentFile, sourcedId, "tobedeleted".equalsIgnoreCase(row.get("status")));
    }

    private static int rank(String contactRole) {
        return switch (contactRole) {
            case "parent" -> 0;
            case "guardian" -> 1;
            default -> 2;
        };
    }

    /** Records a row's key; false (and a problem) when the key repeats an earlier row of the file. */
    private boolean key(OneRosterFile file, String sourcedId, boolean deleted) {
        Map<String, Integer> kept = index.kept.get(file);
        Set<String> removed = index.deleted.get(file);
        if (kept.containsKey(sourcedId) || removed.contains(sourcedId)) {
            Integer first = kept.get(sourcedId);
            problems.add(file.fileName(), lastLine, "sourcedId", "Duplicate sourcedId '" + Cells.shorten(sourcedId) + "'"
                    + (first == null ? "" : " (first on line " + first + ")"));
            return false;
        }
        if (deleted) {
            removed.add(sourcedId);
        } else {
            kept.put(sourcedId, (int) Math.min(Integer.MAX_VALUE, lastLine));
        }
        return true;
    }

    /** A cell of the row being read refers to another row. */
    private void ref(Kind kind, OneRosterFile target, String sourcedId, String column) {
        references.add(kind, target, sourcedId, currentFile, lastLine, column);
    }
}
