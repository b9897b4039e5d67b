package org.studentsupport.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A dated note on the progress towards a goal. */
@Schema(name = "ProgressNoteInput")
public record ProgressNoteInput(
        @NotNull LocalDate notedOn,
        @NotBlank @Size(max = 2000) String text) {
}
