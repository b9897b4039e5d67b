package org.studentsupport.roster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small bulk bundle whose every record is known by heart: one district with two schools, a
 * school year with a fall term, a course, two classes, three students, a teacher and two family
 * contacts. Sourced ids carry a prefix so that each test class has its own rows.
 */
public final class HandBundle {

    private HandBundle() {
    }

    public static Map<String, String> files(String district, String p) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", Bundles.manifest(Map.of("orgs", "bulk", "academicSessions", "bulk", "courses", "bulk",
                "classes", "bulk", "users", "bulk", "roles", "bulk", "demographics", "bulk", "enrollments", "bulk")));
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + district + ",active,2026-08-01T00:00:00.000Z,Hand District,district,D1,\n"
                + p + "sch-a,active,2026-08-01T00:00:00.000Z,Alder School,school,0101," + district + "\n"
                + p + "sch-b,,,Birch School,school,0102,\n");
        files.put("academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n"
                + p + "fall,,,2026-27 Fall,term,2026-08-26,2027-01-22," + p + "sy,2027\n"
                + p + "sy,,,2026-27,schoolYear,2026-08-26,2027-06-18,,2027\n");
        files.put("courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes\n"
                + p + "crs,,," + p + "sy,English 3,ELA3,03," + district + ",,\n");
        files.put("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
                + p + "cls-a,,,Grade 3 Homeroom,03," + p + "crs,3A,homeroom,Room 1," + p + "sch-a," + p + "fall,,,\n"
                + p + "cls-b,,,Grade 3 Reading,03," + p + "crs,3B,scheduled,Room 2," + p + "sch-b," + p + "fall,,,1\n");
        files.put("users.csv", Bundles.USERS_HEADER + "\n"
                + Bundles.user("sourcedId", p + "stu-1", "enabledUser", "true", "givenName", "Ana", "familyName", "Alvarez",
                "identifier", "S1001", "agentSourcedIds", p + "gdn-1," + p + "gdn-2", "grades", "03", "preferredGivenName", "Annie",
                "metadata.preferredLanguage", "es", "metadata.homeLanguage", "es", "metadata.directoryOptOut", "false")
                + Bundles.user("sourcedId", p + "stu-2", "enabledUser", "true", "givenName", "Ben", "familyName", "Brown",
                "identifier", "S1002", "agentSourcedIds", p + "gdn-2", "grades", "03", "metadata.directoryOptOut", "true")
                + Bundles.user("sourcedId", p + "stu-3", "enabledUser", "true", "givenName", "Cara", "familyName", "Chen",
                "identifier", "S1003", "grades", "03")
                + Bundles.user("sourcedId", p + "tch-1", "enabledUser", "true", "givenName", "Tess", "familyName", "Davis",
                "email", "tdavis@example.org")
                + Bundles.user("sourcedId", p + "gdn-1", "enabledUser", "true", "givenName", "Maria", "familyName", "Alvarez",
                "email", "maria@example.org", "sms", "5550101", "phone", "5550100", "agentSourcedIds", p + "stu-1",
                "metadata.preferredLanguage", "es")
                + Bundles.user("sourcedId", p + "gdn-2", "enabledUser", "true", "givenName", "Sam", "familyName", "Brown",
                "phone", "5550200"));
        files.put("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId\n"
                + p + "rol-1,,," + p + "stu-1,primary,student,,," + p + "sch-a,\n"
                + p + "rol-2,,," + p + "stu-2,primary,student,,," + p + "sch-a,\n"
                + p + "rol-3,,," + p + "stu-3,primary,student,,," + p + "sch-b,\n"
                + p + "rol-4,,," + p + "tch-1,primary,teacher,,," + p + "sch-a,\n"
                + p + "rol-5,,," + p + "gdn-1,primary,parent,,," + p + "sch-a,\n"
                + p + "rol-6,,," + p + "gdn-2,primary,relative,,," + p + "sch-a,\n");
        files.put("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,"
                + "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,"
                + "countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus\n"
                + p + "stu-1,,,2018-03-04,female,,,,,,,,,,,\n"
                + p + "stu-2,,,2017-11-30,male,,,,,,,,,,,\n");
        files.put("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n"
                + p + "enr-1,,," + p + "cls-a," + p + "sch-a," + p + "stu-1,student,,2026-08-26,\n"
                + p + "enr-2,,," + p + "cls-a," + p + "sch-a," + p + "stu-2,student,,2026-08-26,2027-01-22\n"
                + p + "enr-3,,," + p + "cls-b," + p + "sch-b," + p + "stu-3,student,,,\n"
                + p + "enr-4,,," + p + "cls-a," + p + "sch-a," + p + "tch-1,teacher,true,,\n");
        return files;
    }
}
