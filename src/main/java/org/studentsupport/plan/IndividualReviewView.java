package org.studentsupport.plan;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An individual student review with its whole plan. */
@Schema(name = "IndividualReview")
public record IndividualReviewView(
        UUID id,
        UUID studentId,
        @Schema(enumeration = {"open", "closed"}, maxLength = 10) String status,
        @Schema(maxLength = 4000) String concerns,
        @Schema(description = "The needs the plan addresses", maxItems = 20) List<@Size(max = 50) String> needs,
        @Schema(maxLength = 255) String openedBy,
        Instant openedAt,
        @Schema(maxLength = 255) String closedBy,
        Instant closedAt,
        @Schema(maxLength = 1000) String closingNote,
        @Schema(maxItems = PlanRules.MAX_TEAM) List<Member> team,
        @Schema(maxItems = PlanRules.MAX_GOALS) List<GoalView> goals,
        @Schema(maxItems = PlanRules.MAX_SUPPORTS) List<SupportView> supports) {

    @Schema(name = "TeamMember")
    public record Member(@Schema(maxLength = 20) String role, @Schema(maxLength = 200) String name, boolean outside) {
    }

    @Schema(name = "Goal")
    public record GoalView(UUID id, @Schema(maxLength = 1000) String text, LocalDate targetDate,
                           @Schema(maxLength = 20) String status,
                           @Schema(maxItems = PlanRules.MAX_NOTES) List<Note> progressNotes) {
    }

    @Schema(name = "ProgressNote")
    public record Note(LocalDate notedOn, @Size(max = 2000) @Schema(maxLength = 2000) String text,
                       @Schema(maxLength = 255) String author, Instant createdAt) {
    }

    @Schema(name = "PlannedSupport")
    public record SupportView(UUID id, @Schema(maxLength = 30) String category, @Schema(maxLength = 1000) String description,
                              @Schema(description = "The directory service, if one was chosen") UUID serviceId,
                              @Schema(description = "The needs the support meets", maxItems = 20) List<@Size(max = 50) String> needs,
                              @Schema(description = "The referral this support became; null until then") UUID referralId) {
    }

    public static IndividualReviewView from(IndividualReview r) {
        return new IndividualReviewView(r.id, r.studentId, r.status, r.concerns, r.needCodes, r.openedBy, r.openedAt, r.closedBy,
                r.closedAt, r.closingNote,
                r.team.stream().map(m -> new Member(m.role, m.name, m.outside)).toList(),
                r.goals.stream().map(g -> new GoalView(g.id, g.text, g.targetDate, g.status,
                        g.notes.stream().map(n -> new Note(n.notedOn, n.text, n.author, n.createdAt)).toList())).toList(),
                r.supports.stream().map(s -> new SupportView(s.id, s.category, s.description, s.directoryServiceId, s.needCodes, s.referralId)).toList());
    }
}
