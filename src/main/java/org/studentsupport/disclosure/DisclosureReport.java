package org.studentsupport.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.domain.Page;

import java.time.Instant;
import java.util.UUID;

/** The record of disclosures of one student (FERPA 99.32), as a parent may inspect it. */
@Schema(name = "DisclosureReport")
public record DisclosureReport(
        UUID studentId,
        @Schema(maxLength = 511) String studentName,
        @Schema(maxLength = 255) String schoolName,
        Instant generatedAt,
        @Schema(description = "What this record is, in plain words", maxLength = 1000) String explanation,
        @Schema(description = "The disclosures, newest first") Page<DisclosureView> disclosures) {

    public static final String EXPLANATION = "This is the record the school keeps of every time it disclosed personal "
            + "information from this student's education records to someone outside the school, as the Family "
            + "Educational Rights and Privacy Act requires (34 CFR 99.32). Each entry names who received the "
            + "information, why, which information, and the basis: your written consent, or a health or safety "
            + "emergency together with the threat that justified it.";
}
