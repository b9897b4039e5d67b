package org.studentsupport.roster.oneroster;

import org.studentsupport.roster.oneroster.ExistingRows.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references between the rows of a bundle (a class to its course, an enrollment to its user,
 * a student to a guardian ...). A reference the bundle answers is settled at once; the others wait
 * until every file is read, and then ask the database, in one query per kind, for what the bundle
 * does not carry. Whatever is still unknown becomes a problem at the referring cell.
 */
final class References {

    private final RosterIndex index;
    private final ExistingRows existing;
    private final Problems problems;
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

    References(RosterIndex index, ExistingRows existing, Problems problems) {
        this.index = index;
        this.existing = existing;
        this.problems = problems;
    }

    /** A cell of a row at {@code line} of {@code file} names a row of {@code target} that must be of {@code kind}. */
    void add(Kind kind, OneRosterFile target, String sourcedId, OneRosterFile file, long line, String column) {
        if (!found(kind, target, sourcedId)) {
            pending.add(new Ref(kind, target, sourcedId, file.fileName(), line, column));
        }
    }

    /** A user of users.csv names an agent: a guardian of a student, or the student of a guardian. */
    void addAgent(String user, String agent, long line) {
        agents.add(new Agent(user, agent, line));
    }

    /** Settles every reference: first the users' kinds and schools, then links and the rest; adds a problem for each unknown. */
    void resolve() {
        resolveKinds();
        resolveSchools();
        resolveAgents();
        resolvePending();
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
    private void resolveKinds() {
        List<String> unknown = new ArrayList<>();
        index.users.forEach((sourcedId, entry) -> {
            if (entry.inUsersFile && entry.kinds == 0) {
                unknown.add(sourcedId);
            }
        });
        Map<String, Integer> kinds = unknown.isEmpty() ? Map.of() : existing.userKinds(unknown);
        kinds.forEach((sourcedId, k) -> index.users.get(sourcedId).kinds |= k);
    }

    /** A new student needs a school: from a student role, or from primaryOrgSourcedId. */
    private void resolveSchools() {
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
        if (schoolless.isEmpty()) {
            return;
        }
        Set<String> known = existing.existing(Kind.STUDENT, schoolless);
        for (String sourcedId : schoolless) {
            if (!known.contains(sourcedId)) {
                problems.add(OneRosterFile.USERS.fileName(), index.users.get(sourcedId).usersLine, "primaryOrgSourcedId",
                        "Student " + sourcedId + " has no school: give a student role at a school in roles.csv or a primaryOrgSourcedId");
            }
        }
    }

    /** An agent link joins a student and a contact, whichever side names the other. */
    private void resolveAgents() {
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
