package org.studentsupport.roster.oneroster;

import org.studentsupport.roster.oneroster.ExistingRows.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
    /** References not found in the bundle when read: re-checked at the end, then against the database. */
    private final List<Ref> pending = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();

    private record Ref(Kind kind, OneRosterFile target, String sourcedId, String file, long line, String column, String owner) {
        Ref(Kind kind, OneRosterFile target, String sourcedId, String file, long line, String column) {
            this(kind, target, sourcedId, file, line, column, null);
        }
    }

    private record Agent(String user, String agent, long line) {
    }

    public BundleValidator(RosterBundle bundle, String district, ExistingRows existing, Problems problems, LocalDate today,
                           LongConsumer bytesRead) {
        this.bundle = bundle;
        this.district = district;
        this.existing = existing;
        this.problems = problems;
        this.today = today;
        this.bytesRead = bytesRead;
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
        resolveUsers();
        resolvePending();
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
        Map<String, Integer> kept = index.kept.get(file);
        Set<String> deleted = index.deleted.get(file);
        switch (file) {
            case ORGS -> Rows.stream(bundle, file, mode, problems, Rows::org, this::at, row -> {
                if (!keyOk) {
                    return;
                }
                if (row.deleted()) {
                    problems.add(file.fileName(), lastLine, "status", "Removing an org (" + row.sourcedId()
                            + ") through the import is not supported; remove its classes and students instead");
                    return;
                }
                if (row.type().equals("district")) {
                    if (!row.sourcedId().equals(district)) {
                        problems.add(file.fileName(), lastLine, "sourcedId", "District " + row.sourcedId()
                                + " is not your district (" + district + "); a bundle may only load your own district");
                        return;
                    }
                    index.districtName = row.name();
                } else if (row.parent() != null && !row.parent().equals(district)) {
                    problems.add(file.fileName(), lastLine, "parentSourcedId", "School " + row.sourcedId() + " belongs to "
                            + row.parent() + ", which is not your district (" + district + ")");
                }
                index.orgTypes.put(row.sourcedId(), row.type());
            });
            case ACADEMIC_SESSIONS -> Rows.stream(bundle, file, mode, problems, Rows::session, this::at, row -> {
                if (keyOk && !row.deleted() && row.parent() != null) {
                    ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, row.parent(), file, "parentSourcedId");
                }
            });
            case COURSES -> Rows.stream(bundle, file, mode, problems, Rows::course, this::at, row -> {
                if (keyOk && !row.deleted()) {
                    ref(Kind.ORG, OneRosterFile.ORGS, row.org(), file, "orgSourcedId");
                    if (row.schoolYear() != null) {
                        ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, row.schoolYear(), file, "schoolYearSourcedId");
                    }
                }
            });
            case CLASSES -> Rows.stream(bundle, file, mode, problems, Rows::classRow, this::at, row -> {
                if (keyOk && !row.deleted()) {
                    ref(Kind.COURSE, OneRosterFile.COURSES, row.course(), file, "courseSourcedId");
                    ref(Kind.SCHOOL, OneRosterFile.ORGS, row.school(), file, "schoolSourcedId");
                    for (String term : row.terms()) {
                        ref(Kind.SESSION, OneRosterFile.ACADEMIC_SESSIONS, term, file, "termSourcedIds");
                    }
                }
            });
            case USERS -> Rows.stream(bundle, file, mode, problems, Rows::user, this::at, row -> {
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
                    ref(Kind.ORG, OneRosterFile.ORGS, row.primaryOrg(), file, "primaryOrgSourcedId");
                }
                for (String agent : row.agents()) {
                    if (agent.equals(row.sourcedId())) {
                        problems.add(file.fileName(), lastLine, "agentSourcedIds", "A user cannot be their own agent");
                    } else {
                        agents.add(new Agent(row.sourcedId(), agent, lastLine));
                    }
                }
            });
            case ROLES -> Rows.stream(bundle, file, mode, problems, Rows::role, this::at, row -> {
                if (!keyOk || row.deleted()) {
                    return;
                }
                ref(Kind.USER, OneRosterFile.USERS, row.user(), file, "userSourcedId");
                // a student attends a school; other roles may sit at the district
                ref(row.role().equals("student") ? Kind.SCHOOL : Kind.ORG, OneRosterFile.ORGS, row.org(), file, "orgSourcedId");
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
            });
            case DEMOGRAPHICS -> Rows.stream(bundle, file, mode, problems,
                    (row, m, cells, p) -> Rows.demographic(row, m, cells, p, today), this::at, row -> {
                        if (keyOk && !row.deleted()) {
                            ref(Kind.USER, OneRosterFile.USERS, row.sourcedId(), file, "sourcedId");
                        }
                    });
            case ENROLLMENTS -> Rows.stream(bundle, file, mode, problems, Rows::enrollment, this::at, row -> {
                if (!keyOk || row.deleted()) {
                    return;
                }
                ref(Kind.CLASS, OneRosterFile.CLASSES, row.classSourcedId(), file, "classSourcedId");
                ref(Kind.SCHOOL, OneRosterFile.ORGS, row.school(), file, "schoolSourcedId");
                Kind kind = switch (row.role()) {
                    case "student" -> Kind.STUDENT;
                    case "teacher" -> Kind.TEACHER;
                    default -> Kind.USER;
                };
                ref(kind, OneRosterFile.USERS, row.user(), file, "userSourcedId");
            });
        }
        index.rows += kept.size() + deleted.size();
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

    // The line of the row being handled (rows reach the handlers in file order).
    private long lastLine;
    private OneRosterFile currentFile;
    private boolean keyOk;

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

    private void ref(Kind kind, OneRosterFile target, String sourcedId, OneRosterFile file, String column) {
        if (!found(kind, target, sourcedId)) {
            pending.add(new Ref(kind, target, sourcedId, file.fileName(), lastLine, column));
        }
    }

    /** Whether the bundle itself holds the row a reference points at (with the right kind). */
    private boolean found(Kind kind, OneRosterFile target, String sourcedId) {
        if (!index.kept.get(target).containsKey(sourcedId)) {
            return false;
        }
        return switch (kind) {
            case SCHOOL -> "school".equals(index.orgTypes.get(sourcedId));
            case STUDENT -> (index.kinds(sourcedId) & RosterIndex.STUDENT) != 0;
            case TEACHER -> (index.kinds(sourcedId) & RosterIndex.TEACHER) != 0;
            case CONTACT -> (index.kinds(sourcedId) & RosterIndex.CONTACT) != 0;
            default -> true;
        };
    }

    /** Users whose kinds the bundle does not give (no roles.csv row) get them from the database. */
    private void resolveUsers() {
        List<String> unknown = new ArrayList<>();
        index.users.forEach((sourcedId, entry) -> {
            if (entry.inUsersFile && entry.kinds == 0) {
                unknown.add(sourcedId);
            }
        });
        Map<String, Integer> kinds = unknown.isEmpty() ? Map.of() : existing.userKinds(unknown);
        kinds.forEach((sourcedId, k) -> index.users.get(sourcedId).kinds |= k);
        // a new student needs a school: from a student role, or from primaryOrgSourcedId
        List<String> schoolless = new ArrayList<>();
        index.users.forEach((sourcedId, entry) -> {
            if (entry.inUsersFile && (entry.kinds & RosterIndex.STUDENT) != 0 && entry.schoolSourcedId == null) {
                if (entry.primaryOrgSourcedId != null && !"district".equals(index.orgTypes.get(entry.primaryOrgSourcedId))) {
                    entry.schoolSourcedId = entry.primaryOrgSourcedId;
                    pending.add(new Ref(Kind.SCHOOL, OneRosterFile.ORGS, entry.primaryOrgSourcedId, OneRosterFile.USERS.fileName(),
                            entry.usersLine, "primaryOrgSourcedId"));
                } else {
                    schoolless.add(sourcedId);
                }
            }
        });
        if (!schoolless.isEmpty()) {
            Set<String> known = existing.existing(Kind.STUDENT, schoolless);
            for (String sourcedId : schoolless) {
                if (!known.contains(sourcedId)) {
                    problems.add(OneRosterFile.USERS.fileName(), index.users.get(sourcedId).usersLine, "primaryOrgSourcedId",
                            "Student " + sourcedId + " has no school: give a student role at a school in roles.csv or a primaryOrgSourcedId");
                }
            }
        }
        for (Agent agent : agents) {
            int userKinds = index.kinds(agent.user);
            if ((userKinds & RosterIndex.STUDENT) != 0) {
                if (userIs(agent.agent, RosterIndex.CONTACT)) {
                    index.links.add(new String[]{agent.user, agent.agent});
                } else {
                    pending.add(new Ref(Kind.CONTACT, OneRosterFile.USERS, agent.agent, OneRosterFile.USERS.fileName(), agent.line,
                            "agentSourcedIds", agent.user));
                }
            } else if ((userKinds & RosterIndex.CONTACT) != 0) {
                if (userIs(agent.agent, RosterIndex.STUDENT)) {
                    index.links.add(new String[]{agent.agent, agent.user});
                } else {
                    pending.add(new Ref(Kind.STUDENT, OneRosterFile.USERS, agent.agent, OneRosterFile.USERS.fileName(), agent.line,
                            "agentSourcedIds", agent.user));
                }
            }
        }
        agents.clear();
    }

    private boolean userIs(String sourcedId, int kind) {
        return index.kept.get(OneRosterFile.USERS).containsKey(sourcedId) && (index.kinds(sourcedId) & kind) != 0;
    }

    private void resolvePending() {
        Map<Kind, Set<String>> lookups = new EnumMap<>(Kind.class);
        List<Ref> unresolved = new ArrayList<>();
        for (Ref ref : pending) {
            if (found(ref.kind, ref.target, ref.sourcedId)) {
                continue;
            }
            unresolved.add(ref);
            if (!index.deleted.get(ref.target).contains(ref.sourcedId) && index.mode(ref.target) != Mode.BULK) {
                lookups.computeIfAbsent(ref.kind, k -> new LinkedHashSet<>()).add(ref.sourcedId);
            }
        }
        pending.clear();
        Map<Kind, Set<String>> known = new EnumMap<>(Kind.class);
        lookups.forEach((kind, ids) -> known.put(kind, existing.existing(kind, ids)));
        for (Ref ref : unresolved) {
            if (known.getOrDefault(ref.kind, Set.of()).contains(ref.sourcedId)) {
                if (ref.owner != null) {
                    // a link to a contact or student that only the database holds
                    index.links.add(ref.kind == Kind.CONTACT ? new String[]{ref.owner, ref.sourcedId} : new String[]{ref.sourcedId, ref.owner});
                }
                continue;
            }
            problems.add(ref.file, ref.line, ref.column, describe(ref));
        }
    }

    private String describe(Ref ref) {
        String what = switch (ref.kind) {
            case ORG -> "org";
            case SCHOOL -> "school";
            case SESSION -> "academic session";
            case COURSE -> "course";
            case CLASS -> "class";
            case USER -> "user";
            case STUDENT -> "student";
            case TEACHER -> "teacher";
            case CONTACT -> "parent, guardian or relative";
        };
        if (index.deleted.get(ref.target).contains(ref.sourcedId)) {
            return ref.column + " refers to " + what + " '" + Cells.shorten(ref.sourcedId) + "', which this bundle deletes";
        }
        if (index.kept.get(ref.target).containsKey(ref.sourcedId)) {
            return ref.column + " refers to '" + Cells.shorten(ref.sourcedId) + "', which is not a " + what;
        }
        String where = index.mode(ref.target) == Mode.BULK ? " in " + ref.target.fileName()
                : index.mode(ref.target) == Mode.DELTA ? " in " + ref.target.fileName() + " or already imported"
                : " among the rows already imported (" + ref.target.fileName() + " is absent from this bundle)";
        return ref.column + " refers to unknown " + what + " '" + Cells.shorten(ref.sourcedId) + "': there is no such sourcedId" + where;
    }
}
