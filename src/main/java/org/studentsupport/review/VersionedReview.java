package org.studentsupport.review;

/** A review view with the version its ETag is made from. */
public record VersionedReview(ClassReviewView view, long version, boolean created) {
}
