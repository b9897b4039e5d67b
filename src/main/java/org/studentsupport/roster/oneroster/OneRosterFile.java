package org.studentsupport.roster.oneroster;

import java.util.List;

/**
 * The files of a OneRoster 1.2 CSV bundle that this service reads, in the order they are read,
 * with the columns the CSV binding (1.2.1) requires in each header. Other files
 * (userProfiles, categories, results, ...) are accepted and ignored.
 */
public enum OneRosterFile {
    ORGS("orgs", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId"),
    ACADEMIC_SESSIONS("academicSessions", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear"),
    COURSES("courses", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes"),
    CLASSES("classes", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods"),
    USERS("users", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns"),
    ROLES("roles", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId"),
    DEMOGRAPHICS("demographics", "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus"),
    ENROLLMENTS("enrollments", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate");

    private final String name;
    private final List<String> columns;

    OneRosterFile(String name, String columns) {
        this.name = name;
        this.columns = List.of(columns.split(","));
    }

    /** The name as the manifest says it ({@code file.<name>}). */
    public String manifestName() {
        return name;
    }

    public String fileName() {
        return name + ".csv";
    }

    public List<String> columns() {
        return columns;
    }
}
