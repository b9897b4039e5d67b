package org.studentsupport.security;

/** The realm roles of the district's Keycloak, as they appear in tokens and in {@code @RolesAllowed}. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String SUPERVISOR = "supervisor";
    public static final String PROVIDER = "provider";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
