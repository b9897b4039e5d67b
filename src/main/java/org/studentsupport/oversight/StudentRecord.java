package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the service holds on one student, in words a family reads (FERPA 99.10): codes as labels,
 * dates as dates, no internal columns. The JSON export and the printable page show this same document.
 */
@Schema(name = "StudentRecord", description = "Everything held on one student, for the family's inspection")
public record StudentRecord(
        @Schema(description = "The student this record is about") UUID studentId,
        @Schema(maxLength = 511) String studentName,
        @Schema(description = "When this export was produced (UTC)") Instant producedAt,
        @Schema(description = "What this document is, in plain words", maxLength = 1000) String about,
        RecordIdentity.Student student,
        @Schema(maxItems = 100000) List<RecordIdentity.Enrollment> enrollments,
        @Schema(maxItems = 1000) List<RecordIdentity.FamilyContact> familyContacts,
        @Schema(description = "Entries of whole-class reviews, oldest period first; replaced entries stay", maxItems = 100000)
        List<RecordReviews.ClassReview> classReviews,
        @Schema(maxItems = 10000) List<RecordReviews.IndividualReview> individualReviews,
        @Schema(description = "Newest first", maxItems = 10000) List<RecordSharing.Consent> consents,
        @Schema(description = "Oldest first", maxItems = 10000) List<RecordSharing.Referral> referrals,
        @Schema(description = "The record of disclosures (FERPA 99.32), newest first", maxItems = 100000)
        List<RecordSharing.Disclosure> disclosures,
        RecordAccess accessReport) {

    public static final String ABOUT = "This is everything the school's student-support service holds on the student: the roster"
            + " data, classes, family contacts, support reviews and plans, the family's consents, referrals to providers with"
            + " their history, the record of every disclosure to someone outside the school (34 CFR 99.32), and who looked at"
            + " or changed these records and when. Dates are in the form year-month-day; times are in UTC.";
}
