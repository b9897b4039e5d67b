package org.studentsupport.plan;

/** A plan view with the version its ETag is made from. */
public record VersionedPlan(IndividualReviewView view, long version) {
}
