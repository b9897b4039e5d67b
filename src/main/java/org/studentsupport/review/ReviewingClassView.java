package org.studentsupport.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A student's reviewing class in a period, as designated by the school. */
@Schema(name = "ReviewingClass")
public record ReviewingClassView(
        UUID periodId,
        UUID studentId,
        UUID classId,
        @Schema(maxLength = 255) String classTitle,
        @Schema(enumeration = {"designated"}, maxLength = 20) String source,
        @Schema(maxLength = 255) String designatedBy,
        Instant designatedAt) {
}
