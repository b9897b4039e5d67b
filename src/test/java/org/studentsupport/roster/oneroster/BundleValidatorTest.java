package org.studentsupport.roster.oneroster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studentsupport.roster.Bundles;
import org.studentsupport.roster.HandBundle;
import org.studentsupport.roster.oneroster.ExistingRows.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation pass over a bundle, without a database: what the database holds is a stub. */
class BundleValidatorTest {

    private static final String DISTRICT = "dst-unit";
    private static final String P = "u-";
    private static final RosterBundle.Limits LIMITS = new RosterBundle.Limits(10L << 20, 50, 100);

    @TempDir
    Path dir;

    private final Problems problems = new Problems(100);
    private final Database database = new Database();

    @Test
    void aGoodBundlePassesAndIsIndexed() throws IOException {
        RosterIndex index = validate(HandBundle.files(DISTRICT, P));

        assertEquals(List.of(), problems.kept());
        assertEquals("Hand District", index.districtName());
        assertEquals(Mode.BULK, index.mode(OneRosterFile.USERS));
        assertEquals(26, index.rows(), "3 orgs, 2 sessions, 1 course, 2 classes, 6 users, 6 roles, 2 demographics, 4 enrollments");
        assertEquals(RosterIndex.STUDENT, index.kinds(P + "stu-1"));
        assertEquals(RosterIndex.TEACHER, index.kinds(P + "tch-1"));
        assertEquals(P + "sch-b", index.schoolOf(P + "stu-3"));
        assertEquals("parent", index.contactRole(P + "gdn-1"));
        assertEquals("relative", index.contactRole(P + "gdn-2"));
        assertEquals(Set.of(P + "stu-1>" + P + "gdn-1", P + "stu-1>" + P + "gdn-2", P + "stu-2>" + P + "gdn-2"), links(index));
    }

    @Test
    void aReferenceToAClassTheBundleDoesNotHoldIsAProblem() throws IOException {
        validate(edit("enrollments.csv", csv -> csv.replace(P + "enr-3,,," + P + "cls-b", P + "enr-3,,," + P + "cls-nope")));

        assertEquals(List.of(new Problem("enrollments.csv", 4L, "classSourcedId", "classSourcedId refers to unknown class '"
                + P + "cls-nope': there is no such sourcedId in classes.csv")), problems.kept());
    }

    @Test
    void aRepeatedKeyIsAProblemOnTheSecondRowOnly() throws IOException {
        validate(edit("enrollments.csv", csv -> csv.replace(P + "enr-2,", P + "enr-1,")));

        assertEquals(List.of(new Problem("enrollments.csv", 3L, "sourcedId", "Duplicate sourcedId '" + P + "enr-1' (first on line 2)")),
                problems.kept());
    }

    @Test
    void anotherDistrictIsAProblem() throws IOException {
        validate(edit("orgs.csv", csv -> csv.replace(DISTRICT + ",active", "dst-other,active")));

        assertEquals(new Problem("orgs.csv", 2L, "sourcedId",
                "District dst-other is not your district (" + DISTRICT + "); a bundle may only load your own district"), problems.kept().get(0));
    }

    @Test
    void aUserCannotBeTheirOwnAgent() throws IOException {
        validate(edit("users.csv", csv -> csv.replace(",\"" + P + "gdn-1," + P + "gdn-2\",", ",\"" + P + "stu-1," + P + "gdn-2\",")));

        assertEquals(List.of(new Problem("users.csv", 2L, "agentSourcedIds", "A user cannot be their own agent")), problems.kept());
    }

    @Test
    void aStudentRoleAtTheDistrictIsAProblem() throws IOException {
        validate(edit("roles.csv", csv -> csv.replace(P + "stu-3,primary,student,,," + P + "sch-b", P + "stu-3,primary,student,,," + DISTRICT)));

        assertEquals(List.of(new Problem("roles.csv", 4L, "orgSourcedId",
                "orgSourcedId refers to '" + DISTRICT + "', which is not a school")), problems.kept());
    }

    @Test
    void aBundleWithoutAManifestIsOneProblemAboutTheWholeZip() throws IOException {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.remove("manifest.csv");

        RosterIndex index = validate(files);

        assertEquals(List.of(Problem.ofBundle("The zip has no manifest.csv; a OneRoster 1.2 CSV bundle starts with one")),
                problems.kept());
        assertEquals(0, index.rows(), "no file is read without a manifest");
    }

    @Test
    void aDeltaFileMayReferToRowsTheDatabaseHolds() throws IOException {
        Map<String, Object> files = deltaEnrollments(P + "cls-old");
        database.rows.computeIfAbsent(Kind.CLASS, k -> new HashSet<>()).add(P + "cls-old");

        validate(files);

        assertEquals(List.of(), problems.kept());
        assertEquals(Set.of(P + "cls-old"), database.asked.get(Kind.CLASS), "only what the bundle lacks is looked up");
    }

    @Test
    void aDeltaReferenceThatNeitherTheBundleNorTheDatabaseHoldsIsAProblem() throws IOException {
        validate(deltaEnrollments(P + "cls-gone"));

        assertEquals(List.of(new Problem("enrollments.csv", 2L, "classSourcedId", "classSourcedId refers to unknown class '"
                + P + "cls-gone': there is no such sourcedId among the rows already imported (classes.csv is absent from this bundle)")),
                problems.kept());
    }

    @Test
    void theManifestMustNameOneRoster12() throws IOException {
        validate(edit("manifest.csv", csv -> csv.replace("oneroster.version,1.2", "oneroster.version,1.1")));

        assertEquals(List.of(new Problem("manifest.csv", null, "oneroster.version",
                "oneroster.version is '1.1'; this service reads OneRoster 1.2 CSV bundles")), problems.kept());
    }

    /** The hand bundle without classes and with one delta enrollment, of a student of the bundle in the given class. */
    private Map<String, Object> deltaEnrollments(String classSourcedId) {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        files.put("manifest.csv", Bundles.manifest(Map.of("orgs", "bulk", "academicSessions", "bulk", "courses", "bulk",
                "users", "bulk", "roles", "bulk", "demographics", "bulk", "enrollments", "delta")));
        String enrollments = (String) files.get("enrollments.csv");
        files.put("enrollments.csv", enrollments.substring(0, enrollments.indexOf('\n') + 1)
                + P + "enr-9,active,2026-08-01T00:00:00.000Z," + classSourcedId + "," + P + "sch-a," + P + "stu-1,student,,,\n");
        return files;
    }

    private Map<String, Object> edit(String file, UnaryOperator<String> change) {
        Map<String, Object> files = new LinkedHashMap<>(HandBundle.files(DISTRICT, P));
        String before = (String) files.get(file);
        String after = change.apply(before);
        assertFalse(before.equals(after), "the edit must change " + file);
        files.put(file, after);
        return files;
    }

    private RosterIndex validate(Map<String, ?> files) throws IOException {
        Path zip = Files.write(dir.resolve("bundle.zip"), Bundles.zip(files));
        long[] read = {0};
        try (RosterBundle bundle = RosterBundle.open(zip, LIMITS)) {
            RosterIndex index = new BundleValidator(bundle, DISTRICT, database, problems, LocalDate.of(2026, 9, 1),
                    bytes -> read[0] += bytes).validate();
            assertTrue(problems.any() || read[0] > 0, "progress reports the bytes read");
            return index;
        }
    }

    private static Set<String> links(RosterIndex index) {
        Set<String> links = new HashSet<>();
        index.links().forEach(pair -> links.add(pair[0] + ">" + pair[1]));
        return links;
    }

    /** What the database holds, and what the validator asked it. */
    private static final class Database implements ExistingRows {
        final Map<Kind, Set<String>> rows = new EnumMap<>(Kind.class);
        final Map<Kind, Set<String>> asked = new EnumMap<>(Kind.class);

        @Override
        public Set<String> existing(Kind kind, Collection<String> sourcedIds) {
            asked.computeIfAbsent(kind, k -> new HashSet<>()).addAll(sourcedIds);
            Set<String> found = new HashSet<>(sourcedIds);
            found.retainAll(rows.getOrDefault(kind, Set.of()));
            return found;
        }

        @Override
        public Map<String, Integer> userKinds(Collection<String> sourcedIds) {
            return Map.of();
        }
    }
}
