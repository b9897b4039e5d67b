package org.studentsupport.security;

/** Names of the token claims (and identity attributes) that carry a caller's scope. */
public final class ScopeClaims {

    /** The OneRoster sourcedIds of the schools a coordinator serves (multi-valued). */
    public static final String SCHOOL_IDS = "school_ids";
    /** The OneRoster sourcedId of the caller's district. */
    public static final String DISTRICT_ID = "district_id";
    /** The directory id of a provider user's organization. */
    public static final String ORGANIZATION_ID = "organization_id";

    private ScopeClaims() {
    }
}
