package org.studentsupport.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team member by role; members from outside the school (family, providers) are named freely. */
@Schema(name = "TeamMemberInput")
public record TeamMemberInput(
        @NotNull @Pattern(regexp = PlanRules.ROLES, message = "must be one of " + PlanRules.ROLES_TEXT)
        @Schema(enumeration = {"coordinator", "teacher", "nurse", "psychologist", "counselor", "social-worker",
                "administrator", "family", "provider", "student", "other"}, maxLength = 20) String role,
        @Size(max = 200) @Schema(description = "A free name, for members from outside the school", examples = "Ms. Rivera (grandmother)") String name,
        @Schema(description = "Whether the member is from outside the school") boolean outside) {
}
