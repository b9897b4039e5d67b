package org.studentsupport.roster.oneroster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rows of each OneRoster file as this service reads them: one parser per file, shared by the
 * validation pass and the write pass, so that both see exactly the same values. A parser returns
 * null when the row has problems (they are reported).
 */
public final class Rows {

    static final Set<String> ORG_TYPES = ordered("district", "school");
    static final Set<String> SESSION_TYPES = ordered("schoolYear", "term", "semester", "gradingPeriod");
    static final Set<String> CLASS_TYPES = ordered("homeroom", "scheduled");
    static final Set<String> ROLE_TYPES = ordered("primary", "secondary");
    static final Set<String> ROLES = ordered("aide", "counselor", "districtAdministrator", "guardian", "parent",
            "principal", "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher");
    static final Set<String> ENROLLMENT_ROLES = ordered("administrator", "aide", "proctor", "student", "teacher");
    static final Set<String> CONTACT_ROLES = ordered("parent", "guardian", "relative");

    private Rows() {
    }

    private static Set<String> ordered(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }

    public record OrgRow(String sourcedId, boolean deleted, String name, String type, String identifier, String parent) {
    }

    public record SessionRow(String sourcedId, boolean deleted, String title, String type, LocalDate start, LocalDate end,
                             String parent, Integer schoolYear) {
    }

    public record CourseRow(String sourcedId, boolean deleted, String title, String courseCode, String schoolYear, String org) {
    }

    public record ClassRow(String sourcedId, boolean deleted, String title, String grades, String course, String classCode,
                           String school, List<String> terms, String classType) {
    }

    public record UserRow(String sourcedId, boolean deleted, String givenName, String familyName, String preferredGivenName,
                          String identifier, String email, String sms, String phone, List<String> agents, String grade,
                          String primaryOrg, String preferredLanguage, String homeLanguage, Boolean directoryOptOut) {
    }

    public record RoleRow(String sourcedId, boolean deleted, String user, String roleType, String role, String org) {
    }

    public record DemographicRow(String sourcedId, boolean deleted, LocalDate birthDate) {
    }

    public record EnrollmentRow(String sourcedId, boolean deleted, String classSourcedId, String school, String user,
                                String role, LocalDate begin, LocalDate end) {
    }

    /** sourcedId and status, checked the same way in every file. */
    record Head(String sourcedId, boolean deleted) {
    }

    static Head head(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        String sourcedId = cells.text(row, "sourcedId", true, 255);
        String status = row.get("status");
        boolean deleted = false;
        if (mode == Mode.DELTA) {
            if (status == null) {
                problems.add(row.file, row.line, "status", "status is required in a delta file (active or tobedeleted)");
                sourcedId = null;
            } else if (status.equalsIgnoreCase("tobedeleted")) {
                deleted = true;
            } else if (!status.equalsIgnoreCase("active")) {
                problems.add(row.file, row.line, "status", "status '" + Cells.shorten(status) + "' is not active or tobedeleted");
                sourcedId = null;
            }
        } else if (status != null && !status.equalsIgnoreCase("active")) {
            problems.add(row.file, row.line, "status", status.equalsIgnoreCase("tobedeleted")
                    ? "status tobedeleted is allowed only in a delta file; a bulk file lists only the rows that exist"
                    : "status '" + Cells.shorten(status) + "' is not active (or tobedeleted in a delta file)");
            sourcedId = null;
        }
        String modified = row.has("dateLastModified") ? "dateLastModified" : null;
        if (modified != null) {
            cells.dateTime(row, modified, mode == Mode.DELTA);
        }
        return sourcedId == null ? null : new Head(sourcedId, deleted);
    }

    private static <T> T valid(Problems problems, int before, T value) {
        return problems.count() == before ? value : null;
    }

    static OrgRow org(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new OrgRow(head.sourcedId, true, null, null, null, null);
        }
        String name = cells.name(row, "name", true);
        String type = row.get("type");
        if (type == null) {
            problems.add(row.file, row.line, "type", "type is required");
        } else if (!ORG_TYPES.contains(type)) {
            problems.add(row.file, row.line, "type", "org type '" + Cells.shorten(type)
                    + "' is not supported; this service reads the district and its schools (type district or school)");
        }
        String identifier = cells.text(row, "identifier", false, 255);
        String parent = cells.text(row, "parentSourcedId", false, 255);
        return valid(problems, before, new OrgRow(head.sourcedId, false, name, type, identifier, parent));
    }

    static SessionRow session(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new SessionRow(head.sourcedId, true, null, null, null, null, null, null);
        }
        String title = cells.name(row, "title", true);
        String type = cells.oneOf(row, "type", true, SESSION_TYPES);
        LocalDate start = cells.date(row, "startDate", true);
        LocalDate end = cells.date(row, "endDate", true);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(row.file, row.line, "endDate", "endDate " + end + " is before startDate " + start);
        }
        String parent = cells.text(row, "parentSourcedId", false, 255);
        Integer year = null;
        String yearText = row.get("schoolYear");
        if (yearText == null) {
            problems.add(row.file, row.line, "schoolYear", "schoolYear is required");
        } else if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < 1900 || Integer.parseInt(yearText) > 2999) {
            problems.add(row.file, row.line, "schoolYear", "schoolYear '" + Cells.shorten(yearText) + "' is not a year such as 2027");
        } else {
            year = Integer.parseInt(yearText);
        }
        return valid(problems, before, new SessionRow(head.sourcedId, false, title, type, start, end, parent, year));
    }

    static CourseRow course(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new CourseRow(head.sourcedId, true, null, null, null, null);
        }
        String title = cells.name(row, "title", true);
        String code = cells.text(row, "courseCode", false, 255);
        String year = cells.text(row, "schoolYearSourcedId", false, 255);
        String org = cells.text(row, "orgSourcedId", true, 255);
        return valid(problems, before, new CourseRow(head.sourcedId, false, title, code, year, org));
    }

    static ClassRow classRow(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new ClassRow(head.sourcedId, true, null, null, null, null, null, List.of(), null);
        }
        String title = cells.name(row, "title", true);
        String grades = cells.text(row, "grades", false, 100);
        String course = cells.text(row, "courseSourcedId", true, 255);
        String code = cells.name(row, "classCode", false);
        String school = cells.text(row, "schoolSourcedId", true, 255);
        String type = classType(row, problems);
        List<String> terms = Cells.list(row.get("termSourcedIds"));
        if (terms.isEmpty()) {
            problems.add(row.file, row.line, "termSourcedIds", "termSourcedIds is required");
        }
        return valid(problems, before, new ClassRow(head.sourcedId, false, title, grades, course, code, school, terms, type));
    }

    /**
     * OneRoster's classType: {@code homeroom} or {@code scheduled} (in any case), or an {@code ext:} extension
     * kept as sent; optional here, since a class without it is simply not a homeroom.
     */
    private static String classType(CsvTable.Row row, Problems problems) {
        String value = row.get("classType");
        if (value == null) {
            return null;
        }
        for (String known : CLASS_TYPES) {
            if (known.equalsIgnoreCase(value)) {
                return known;
            }
        }
        if (value.startsWith("ext:") && value.length() <= 50) {
            return value;
        }
        problems.add(row.file, row.line, "classType", "classType '" + (value.length() > 50 ? value.substring(0, 50) + "..." : value)
                + "' is not one of " + String.join(", ", CLASS_TYPES) + " (or an ext: value)");
        return null;
    }

    static UserRow user(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new UserRow(head.sourcedId, true, null, null, null, null, null, null, null, List.of(), null, null, null, null, null);
        }
        cells.bool(row, "enabledUser");
        String given = cells.name(row, "givenName", true);
        String family = cells.name(row, "familyName", true);
        cells.name(row, "middleName", false);
        String preferred = cells.name(row, "preferredGivenName", false);
        cells.name(row, "preferredFamilyName", false);
        cells.name(row, "preferredMiddleName", false);
        String identifier = cells.text(row, "identifier", false, 255);
        String email = cells.text(row, "email", false, 320);
        String sms = cells.text(row, "sms", false, 50);
        String phone = cells.text(row, "phone", false, 50);
        List<String> agents = Cells.list(row.get("agentSourcedIds"));
        List<String> grades = Cells.list(row.get("grades"));
        String grade = grades.isEmpty() ? null : grades.get(0);
        if (grade != null && grade.length() > 10) {
            problems.add(row.file, row.line, "grades", "grade '" + Cells.shorten(grade) + "' is longer than 10 characters");
        }
        String primaryOrg = cells.text(row, "primaryOrgSourcedId", false, 255);
        String preferredLanguage = row.has("metadata.preferredLanguage") ? cells.language(row, "metadata.preferredLanguage") : null;
        String homeLanguage = row.has("metadata.homeLanguage") ? cells.language(row, "metadata.homeLanguage") : null;
        Boolean optOut = row.has("metadata.directoryOptOut") ? cells.bool(row, "metadata.directoryOptOut") : null;
        return valid(problems, before, new UserRow(head.sourcedId, false, given, family, preferred, identifier, email, sms, phone,
                agents, grade, primaryOrg, preferredLanguage, homeLanguage, optOut));
    }

    static RoleRow role(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new RoleRow(head.sourcedId, true, null, null, null, null);
        }
        String user = cells.text(row, "userSourcedId", true, 255);
        String roleType = cells.oneOf(row, "roleType", true, ROLE_TYPES);
        String role = cells.oneOf(row, "role", true, ROLES);
        String org = cells.text(row, "orgSourcedId", true, 255);
        LocalDate begin = cells.date(row, "beginDate", false);
        LocalDate end = cells.date(row, "endDate", false);
        if (begin != null && end != null && end.isBefore(begin)) {
            problems.add(row.file, row.line, "endDate", "endDate " + end + " is before beginDate " + begin);
        }
        return valid(problems, before, new RoleRow(head.sourcedId, false, user, roleType, role, org));
    }

    static DemographicRow demographic(CsvTable.Row row, Mode mode, Cells cells, Problems problems, LocalDate today) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new DemographicRow(head.sourcedId, true, null);
        }
        LocalDate birth = cells.date(row, "birthDate", false);
        if (birth != null && birth.isAfter(today)) {
            problems.add(row.file, row.line, "birthDate", "birthDate " + birth + " is in the future");
        }
        return valid(problems, before, new DemographicRow(head.sourcedId, false, birth));
    }

    static EnrollmentRow enrollment(CsvTable.Row row, Mode mode, Cells cells, Problems problems) {
        int before = problems.count();
        Head head = head(row, mode, cells, problems);
        if (head == null) {
            return null;
        }
        if (head.deleted) {
            return new EnrollmentRow(head.sourcedId, true, row.get("classSourcedId"), row.get("schoolSourcedId"),
                    row.get("userSourcedId"), row.get("role"), null, null);
        }
        String classSourcedId = cells.text(row, "classSourcedId", true, 255);
        String school = cells.text(row, "schoolSourcedId", true, 255);
        String user = cells.text(row, "userSourcedId", true, 255);
        String role = cells.oneOf(row, "role", true, ENROLLMENT_ROLES);
        cells.bool(row, "primary");
        LocalDate begin = cells.date(row, "beginDate", false);
        LocalDate end = cells.date(row, "endDate", false);
        if (begin != null && end != null && end.isBefore(begin)) {
            problems.add(row.file, row.line, "endDate", "endDate " + end + " is before beginDate " + begin);
        }
        return valid(problems, before, new EnrollmentRow(head.sourcedId, false, classSourcedId, school, user, role, begin, end));
    }

    /** A row parser: turns a checked CSV row into a value, or null when the row has problems. */
    interface Parser<T> {
        T parse(CsvTable.Row row, Mode mode, Cells cells, Problems problems);
    }

    /**
     * Streams one file of the bundle through a parser. Returns false when the file could not be
     * read to its end.
     */
    static <T> boolean stream(RosterBundle bundle, OneRosterFile file, Mode mode, Problems problems, Parser<T> parser,
                              Consumer<CsvTable.Row> onRow, Consumer<T> consumer) {
        Cells cells = new Cells(problems);
        try {
            return CsvTable.read(bundle.open(file.fileName()), file.fileName(), file.columns(), problems, row -> {
                onRow.accept(row);
                T value = parser.parse(row, mode, cells, problems);
                if (value != null) {
                    consumer.accept(value);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
