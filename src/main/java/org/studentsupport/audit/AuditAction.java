package org.studentsupport.audit;

/** What an audited request did (domain page, section 5). */
public enum AuditAction {
    READ, CREATE, UPDATE, TRANSITION, DISCLOSE, EXPORT, LOGIN_FAILURE, DENIED;

    /** The lower-case, hyphenated form used in the audit record and the API. */
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
