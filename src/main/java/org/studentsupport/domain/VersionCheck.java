package org.studentsupport.domain;

/**
 * The client's precondition on an object's version (HTTP {@code If-Match}), handed by the resource
 * to the service, which applies it to the version it loaded in the same transaction that writes: a
 * change committed between the check and the write cannot be overwritten. The resource decides what
 * a match is and how a mismatch is answered.
 */
@FunctionalInterface
public interface VersionCheck {

    /** Refuses, with the exception the edge chose, when {@code currentVersion} is not the one the client holds. */
    void require(long currentVersion);

    /** No precondition (work that no client started). */
    VersionCheck NONE = version -> { };
}
