package org.studentsupport.security;

/** The realm roles of the district's Keycloak, as they appear in tokens and in {@code @RolesAllowed}. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String SUPERVISOR = "supervisor";
    public static final String PROVIDER = "provider";
    public static final String ADMIN = "admin";
    /** Reads the whole audit trail, of every district and of none; bound to no district. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
