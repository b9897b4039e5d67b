package org.studentsupport.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.studentsupport.roster.oneroster.OneRosterFile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a deterministic OneRoster 1.2 CSV bundle for a made-up district (the demo data and the
 * benchmark): school year 2026-27 with a fall and a spring term, classes per grade, a teacher per
 * class, students with one or two parents or guardians (siblings share them), birth dates and
 * enrollments. Every person is derived from the seed and its position, so the files are written
 * row by row without holding the district in memory, and the same spec always gives the same bundle.
 */
public final class RosterGenerator {

    /** A school of the generated district and the grades it teaches (OneRoster codes: KG, 01 … 12). */
    public record SchoolSpec(String sourcedId, String name, String identifier, List<String> grades) {
    }

    public record Spec(String district, String districtName, List<SchoolSpec> schools, int studentsPerSchool, int classesPerSchool,
                       int enrollmentsPerStudent, long seed) {
    }

    private static final String[] GIVEN = {"Ava", "Liam", "Sofia", "Noah", "Mia", "Mateo", "Amara", "Ethan", "Isabella", "Lucas",
            "Chloe", "Elijah", "Zoe", "Daniel", "Layla", "Gabriel", "Nora", "Samuel", "Aaliyah", "Henry", "Linh", "Minh", "Valentina",
            "Kai", "Priya", "Omar", "Fatima", "Diego", "Grace", "Jayden", "Camila", "Yusuf", "Hana", "Luca", "Maya", "Theo"};
    private static final String[] FAMILY = {"Garcia", "Smith", "Nguyen", "Johnson", "Rodriguez", "Williams", "Tran", "Brown", "Silva",
            "Jones", "Martinez", "Davis", "Pierre", "Miller", "Lopez", "Wilson", "Pham", "Moore", "Santos", "Taylor", "Hernandez",
            "Anderson", "Jean-Baptiste", "Thomas", "Gonzalez", "Jackson", "Le", "White", "Perez", "Harris", "Oliveira", "Martin"};
    private static final String[] ADULT = {"Maria", "James", "Ana", "Robert", "Thi", "Michael", "Carmen", "David", "Rosa", "John",
            "Lucia", "Joseph", "Mai", "Carlos", "Jennifer", "Luis", "Patricia", "Marie", "Antonio", "Linda", "Hung", "Elena"};
    private static final String[][] LANGUAGES = {{"en", "en"}, {"en", "en"}, {"en", "en"}, {"en", "en"}, {"es", "es"}, {"en", "es"},
            {"pt", "pt"}, {"vi", "vi"}, {"ht", "ht"}, {"en", "vi"}};
    private static final String[] SUBJECTS = {"Homeroom", "English", "Math", "Science", "Social Studies", "Art", "Music", "Physical Education"};
    private static final long FIXED_TIME = 1785542400000L;
    private static final String STAMP = "2026-08-01T00:00:00.000Z";
    private static final LocalDate YEAR_START = LocalDate.of(2026, 8, 26);
    private static final LocalDate FALL_END = LocalDate.of(2027, 1, 22);
    private static final LocalDate SPRING_START = LocalDate.of(2027, 1, 25);
    private static final LocalDate YEAR_END = LocalDate.of(2027, 6, 18);

    private final Spec spec;

    public RosterGenerator(Spec spec) {
        this.spec = spec;
    }

    /** The demo district of the run command: ~300 students over the three demo schools. */
    public static Spec demo() {
        return new Spec("dst-riverton", "Riverton Public Schools", List.of(
                new SchoolSpec("sch-elm", "Elm Street Elementary School", "0101", List.of("KG", "01", "02", "03", "04", "05")),
                new SchoolSpec("sch-harbor", "Harbor View Middle School", "0201", List.of("06", "07", "08")),
                new SchoolSpec("sch-northgate", "Northgate High School", "0301", List.of("09", "10", "11", "12"))),
                100, 24, 4, 20260826L);
    }

    /** A large district for the benchmark: schools × students, classes per school, enrollments per student. */
    public static Spec large(String district, int schools, int studentsPerSchool, int classesPerSchool, int enrollmentsPerStudent) {
        List<SchoolSpec> list = new ArrayList<>();
        List<List<String>> bands = List.of(List.of("KG", "01", "02", "03"), List.of("04", "05", "06", "07"), List.of("08", "09", "10", "11"));
        for (int s = 0; s < schools; s++) {
            list.add(new SchoolSpec(district + "-sch-" + s, "School " + s, String.format("%04d", s), bands.get(s % bands.size())));
        }
        return new Spec(district, "District " + district, list, studentsPerSchool, classesPerSchool, enrollmentsPerStudent, 42L);
    }

    public void write(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            entry(zipOut, "manifest.csv", List.of("propertyName", "value"), this::manifest);
            entry(zipOut, "orgs.csv", OneRosterFile.ORGS.columns(), this::orgs);
            entry(zipOut, "academicSessions.csv", OneRosterFile.ACADEMIC_SESSIONS.columns(), this::sessions);
            entry(zipOut, "courses.csv", OneRosterFile.COURSES.columns(), this::courses);
            entry(zipOut, "classes.csv", OneRosterFile.CLASSES.columns(), this::classes);
            List<String> users = new ArrayList<>(OneRosterFile.USERS.columns());
            users.addAll(List.of("metadata.preferredLanguage", "metadata.homeLanguage", "metadata.directoryOptOut"));
            entry(zipOut, "users.csv", users, this::users);
            entry(zipOut, "roles.csv", OneRosterFile.ROLES.columns(), this::roles);
            entry(zipOut, "demographics.csv", OneRosterFile.DEMOGRAPHICS.columns(), this::demographics);
            entry(zipOut, "enrollments.csv", OneRosterFile.ENROLLMENTS.columns(), this::enrollments);
        }
    }

    private interface Rows {
        void write(CSVPrinter out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, List<String> header, Rows rows) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(writer, CSVFormat.RFC4180);
        out.printRecord(header);
        rows.write(out);
        out.flush();
        zip.closeEntry();
    }

    private void manifest(CSVPrinter out) throws IOException {
        out.printRecord("manifest.version", "1.0");
        out.printRecord("oneroster.version", "1.2");
        for (OneRosterFile file : OneRosterFile.values()) {
            out.printRecord("file." + file.manifestName(), "bulk");
        }
        out.printRecord("file.userProfiles", "absent");
        out.printRecord("source.systemName", "student-support generator");
        out.printRecord("source.systemCode", "generator");
    }

    private void orgs(CSVPrinter out) throws IOException {
        out.printRecord(spec.district(), "active", STAMP, spec.districtName(), "district", "", "");
        for (SchoolSpec school : spec.schools()) {
            out.printRecord(school.sourcedId(), "active", STAMP, school.name(), "school", school.identifier(), spec.district());
        }
    }

    private String year() {
        return spec.district() + "-sy-2027";
    }

    private String term(int which) {
        return spec.district() + (which == 0 ? "-fall-2026" : "-spring-2027");
    }

    private void sessions(CSVPrinter out) throws IOException {
        out.printRecord(year(), "active", STAMP, "2026-27", "schoolYear", YEAR_START, YEAR_END, "", "2027");
        out.printRecord(term(0), "active", STAMP, "2026-27 Fall", "term", YEAR_START, FALL_END, year(), "2027");
        out.printRecord(term(1), "active", STAMP, "2026-27 Spring", "term", SPRING_START, YEAR_END, year(), "2027");
    }

    private List<String> allGrades() {
        return spec.schools().stream().flatMap(s -> s.grades().stream()).distinct().sorted().toList();
    }

    private String course(String grade, int subject) {
        return spec.district() + "-crs-" + grade + "-" + subject;
    }

    private void courses(CSVPrinter out) throws IOException {
        for (String grade : allGrades()) {
            for (int subject = 0; subject < SUBJECTS.length; subject++) {
                out.printRecord(course(grade, subject), "active", STAMP, year(), gradeName(grade) + " " + SUBJECTS[subject],
                        grade + "-" + SUBJECTS[subject].substring(0, 3).toUpperCase(), grade, spec.district(), SUBJECTS[subject], "");
            }
        }
    }

    private static String gradeName(String grade) {
        return grade.equals("KG") ? "Kindergarten" : "Grade " + Integer.parseInt(grade);
    }

    /** The classes of a grade in a school: the k-th is subject k/2 (cycling), in the fall when k is even, else the spring. */
    private int classesPerGrade(SchoolSpec school) {
        return Math.max(1, spec.classesPerSchool() / school.grades().size());
    }

    private String classId(SchoolSpec school, int grade, int k) {
        return school.sourcedId() + "-cls-" + school.grades().get(grade) + "-" + k;
    }

    private String teacherId(SchoolSpec school, int grade, int k) {
        return school.sourcedId() + "-tch-" + school.grades().get(grade) + "-" + k;
    }

    private void classes(CSVPrinter out) throws IOException {
        for (SchoolSpec school : spec.schools()) {
            for (int g = 0; g < school.grades().size(); g++) {
                String grade = school.grades().get(g);
                for (int k = 0; k < classesPerGrade(school); k++) {
                    int subject = (k / 2) % SUBJECTS.length;
                    int section = k / (2 * SUBJECTS.length) + 1;
                    String title = gradeName(grade) + " " + SUBJECTS[subject] + (k % 2 == 0 ? " (Fall)" : " (Spring)")
                            + (section > 1 ? " " + section : "");
                    out.printRecord(classId(school, g, k), "active", STAMP, title, grade, course(grade, subject),
                            grade + "-" + k, subject == 0 ? "homeroom" : "scheduled", "Room " + (100 + g * 10 + k % 10),
                            school.sourcedId(), term(k % 2), SUBJECTS[subject], "", "");
                }
            }
        }
    }

    /** One student, derived from the seed, the school and the position; never stored. */
    private record Pupil(String sourcedId, int grade, String given, String family, String preferred, String[] language,
                         boolean optOut, LocalDate birth, int head, Random random) {
    }

    private Random random(int school, int i, int salt) {
        return new Random(spec.seed() * 1_000_003L + school * 100_003L + i * 31L + salt);
    }

    private int familyHead(int school, int i) {
        int head = i;
        while (head > 0 && random(school, head, 7).nextInt(5) == 0) {
            head--;
        }
        return head;
    }

    private Pupil pupil(int s, int i) {
        SchoolSpec school = spec.schools().get(s);
        Random r = random(s, i, 0);
        int head = familyHead(s, i);
        String family = FAMILY[random(s, head, 3).nextInt(FAMILY.length)];
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String preferred = r.nextInt(10) == 0 ? given.substring(0, Math.min(3, given.length())) : null;
        String[] language = LANGUAGES[random(s, head, 5).nextInt(LANGUAGES.length)];
        int grade = i % school.grades().size();
        String code = school.grades().get(grade);
        int age = 5 + (code.equals("KG") ? 0 : Integer.parseInt(code));
        LocalDate birth = LocalDate.of(2026 - age - 1, 9, 1).plusDays(r.nextInt(365));
        return new Pupil(school.sourcedId() + "-stu-" + i, grade, given, family, preferred, language, r.nextInt(20) == 0, birth, head, r);
    }

    /** The parents or guardians of the family whose first child is {@code head}. */
    private List<String[]> guardians(int s, int head, String family) {
        Random r = random(s, head, 11);
        String prefix = spec.schools().get(s).sourcedId() + "-gdn-" + head + "-";
        List<String[]> list = new ArrayList<>();
        int count = r.nextInt(3) == 0 ? 1 : 2;
        for (int g = 1; g <= count; g++) {
            String role = r.nextInt(10) == 0 ? "guardian" : "parent";
            String surname = r.nextInt(6) == 0 ? FAMILY[r.nextInt(FAMILY.length)] : family;
            list.add(new String[]{prefix + g, ADULT[r.nextInt(ADULT.length)], surname, role,
                    String.format("413555%04d", r.nextInt(10_000)), r.nextBoolean() ? prefix.replace("-", ".") + g + "@example.org" : ""});
        }
        if (r.nextInt(8) == 0) {
            list.add(new String[]{prefix + "r", ADULT[r.nextInt(ADULT.length)], family, "relative", String.format("413556%04d", r.nextInt(10_000)), ""});
        }
        return list;
    }

    private void users(CSVPrinter out) throws IOException {
        for (int s = 0; s < spec.schools().size(); s++) {
            SchoolSpec school = spec.schools().get(s);
            for (int g = 0; g < school.grades().size(); g++) {
                for (int k = 0; k < classesPerGrade(school); k++) {
                    Random r = random(s, -1 - g * 1000 - k, 13);
                    String given = ADULT[r.nextInt(ADULT.length)];
                    String family = FAMILY[r.nextInt(FAMILY.length)];
                    String id = teacherId(school, g, k);
                    user(out, id, given, family, "", id.replace("-", ".") + "@example.org", "", "", "", "", school.sourcedId(), "", "", "");
                }
            }
            for (int i = 0; i < spec.studentsPerSchool(); i++) {
                Pupil p = pupil(s, i);
                List<String[]> guardians = guardians(s, p.head, p.family);
                String agents = String.join(",", guardians.stream().map(x -> x[0]).toList());
                user(out, p.sourcedId, p.given, p.family, p.preferred == null ? "" : p.preferred, "", "", "", agents,
                        school.grades().get(p.grade), school.sourcedId(), p.language[0], p.language[1], Boolean.toString(p.optOut));
                if (p.head == i) {
                    for (String[] gdn : guardians) {
                        user(out, gdn[0], gdn[1], gdn[2], "", gdn[5], gdn[4], gdn[4], "", "", "", p.language[0], "", "");
                    }
                }
            }
        }
    }

    private static void user(CSVPrinter out, String id, String given, String family, String preferred, String email, String sms,
                             String phone, String agents, String grade, String primaryOrg, String language, String homeLanguage,
                             String optOut) throws IOException {
        out.printRecord(id, "active", STAMP, "true", id, "", given, family, "", id, email, sms, phone, agents, grade, "", "",
                preferred, "", "", primaryOrg, "", language, homeLanguage, optOut);
    }

    private void roles(CSVPrinter out) throws IOException {
        for (int s = 0; s < spec.schools().size(); s++) {
            SchoolSpec school = spec.schools().get(s);
            for (int g = 0; g < school.grades().size(); g++) {
                for (int k = 0; k < classesPerGrade(school); k++) {
                    String id = teacherId(school, g, k);
                    out.printRecord("rol-" + id, "active", STAMP, id, "primary", "teacher", "", "", school.sourcedId(), "");
                }
            }
            for (int i = 0; i < spec.studentsPerSchool(); i++) {
                Pupil p = pupil(s, i);
                out.printRecord("rol-" + p.sourcedId, "active", STAMP, p.sourcedId, "primary", "student", "", "", school.sourcedId(), "");
                if (p.head == i) {
                    for (String[] gdn : guardians(s, p.head, p.family)) {
                        out.printRecord("rol-" + gdn[0], "active", STAMP, gdn[0], "primary", gdn[3], "", "", school.sourcedId(), "");
                    }
                }
            }
        }
    }

    private void demographics(CSVPrinter out) throws IOException {
        for (int s = 0; s < spec.schools().size(); s++) {
            for (int i = 0; i < spec.studentsPerSchool(); i++) {
                Pupil p = pupil(s, i);
                out.printRecord(p.sourcedId, "active", STAMP, p.birth, p.random.nextBoolean() ? "female" : "male",
                        "", "", "", "", "", "", "", "", "", "", "");
            }
        }
    }

    private void enrollments(CSVPrinter out) throws IOException {
        for (int s = 0; s < spec.schools().size(); s++) {
            SchoolSpec school = spec.schools().get(s);
            int perGrade = classesPerGrade(school);
            for (int g = 0; g < school.grades().size(); g++) {
                for (int k = 0; k < perGrade; k++) {
                    String cls = classId(school, g, k);
                    out.printRecord("enr-" + teacherId(school, g, k), "active", STAMP, cls, school.sourcedId(), teacherId(school, g, k),
                            "teacher", "true", k % 2 == 0 ? YEAR_START : SPRING_START, k % 2 == 0 ? FALL_END : YEAR_END);
                }
            }
            for (int i = 0; i < spec.studentsPerSchool(); i++) {
                Pupil p = pupil(s, i);
                Random r = random(s, i, 17);
                int wanted = Math.min(perGrade, spec.enrollmentsPerStudent());
                // homerooms (k = 0 fall, 1 spring) first, then classes picked at random among the rest of the grade
                List<Integer> picks = new ArrayList<>();
                for (int k = 0; k < Math.min(2, wanted); k++) {
                    picks.add(k);
                }
                while (picks.size() < wanted) {
                    int k = 2 + r.nextInt(perGrade - 2);
                    if (!picks.contains(k)) {
                        picks.add(k);
                    }
                }
                for (int k : picks) {
                    out.printRecord("enr-" + p.sourcedId + "-" + k, "active", STAMP, classId(school, p.grade, k), school.sourcedId(),
                            p.sourcedId, "student", "false", k % 2 == 0 ? YEAR_START : SPRING_START, k % 2 == 0 ? FALL_END : YEAR_END);
                }
            }
        }
    }
}
