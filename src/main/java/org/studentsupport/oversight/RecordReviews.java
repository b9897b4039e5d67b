package org.studentsupport.oversight;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.plan.IndividualReviewView;
import org.studentsupport.plan.PlanRules;
import org.studentsupport.review.StudentReviewHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The student's support reviews: entries of whole-class reviews, and individual reviews with their plans. */
public final class RecordReviews {

    private RecordReviews() {
    }

    @Schema(name = "RecordClassReview", description = "What a whole-class review recorded on the student")
    public record ClassReview(
            @Schema(description = "The review period", maxLength = 255) String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            @Schema(maxLength = 255) String className,
            LocalDate reviewedOn,
            @Schema(description = "Draft or Finalized", maxLength = 20) String reviewStatus,
            Instant finalizedAt,
            @Schema(description = "The tier of support, in words", maxLength = 220) String tier,
            @Schema(maxLength = 1000) String interests,
            boolean needsIndividualReview,
            @Schema(description = "False when a later amendment replaced this entry; the replaced entry stays in the record")
            boolean current,
            @Schema(description = "The correction that wrote this entry, if any") Amendment amendment,
            @Schema(maxItems = 4) List<DomainNotes> domains) {

        static ClassReview from(StudentReviewHistory.Entry e) {
            String tier = e.tier() == null ? null : e.tierLabel().equals(e.tier()) ? e.tier() : e.tier() + " – " + e.tierLabel();
            return new ClassReview(e.periodName(), e.periodStart(), e.periodEnd(), e.className(), e.reviewedOn(),
                    RecordLabels.of(e.reviewStatus()), e.finalizedAt(), tier, e.interests(), e.needsIndividualReview(), e.current(),
                    e.amendment() == null ? null
                            : new Amendment(e.amendment().reason(), e.amendment().amendedBy(), e.amendment().amendedAt()),
                    e.domains().stream().map(d -> new DomainNotes(RecordLabels.of(d.domain()), d.strengths(), d.needs(), d.note()))
                            .toList());
        }
    }

    @Schema(name = "RecordAmendment")
    public record Amendment(@Schema(maxLength = 1000) String reason, @Schema(maxLength = 255) String amendedBy, Instant amendedAt) {
    }

    @Schema(name = "RecordReviewDomain", description = "Strengths and needs noted in one domain")
    public record DomainNotes(
            @Schema(maxLength = 40) String domain,
            @Schema(maxItems = 50) List<@Size(max = 255) String> strengths,
            @Schema(maxItems = 50) List<@Size(max = 255) String> needs,
            @Schema(maxLength = 1000) String note) {
    }

    @Schema(name = "RecordIndividualReview", description = "An individual review of the student and its plan")
    public record IndividualReview(
            @Schema(description = "open or closed", maxLength = 10) String status,
            @Schema(maxLength = 4000) String concerns,
            @Schema(maxLength = 255) String openedBy,
            Instant openedAt,
            @Schema(maxLength = 255) String closedBy,
            Instant closedAt,
            @Schema(maxLength = 1000) String closingNote,
            @Schema(maxItems = PlanRules.MAX_TEAM) List<TeamMember> team,
            @Schema(maxItems = PlanRules.MAX_GOALS) List<Goal> goals,
            @Schema(maxItems = PlanRules.MAX_SUPPORTS) List<Support> supports) {

        /** {@code serviceNames} names a directory service by its id. */
        static IndividualReview from(IndividualReviewView r, Function<UUID, String> serviceNames) {
            return new IndividualReview(r.status(), r.concerns(), r.openedBy(), r.openedAt(), r.closedBy(), r.closedAt(), r.closingNote(),
                    r.team().stream().map(m -> new TeamMember(m.role(), m.name(), m.outside())).toList(),
                    r.goals().stream().map(g -> new Goal(g.text(), g.targetDate(), g.status(),
                            g.progressNotes().stream().map(n -> new ProgressNote(n.notedOn(), n.text(), n.author())).toList())).toList(),
                    r.supports().stream().map(s -> new Support(RecordLabels.of(s.category()), s.description(),
                            s.serviceId() == null ? null : serviceNames.apply(s.serviceId()), s.referralId() != null)).toList());
        }
    }

    @Schema(name = "RecordTeamMember")
    public record TeamMember(@Schema(maxLength = 20) String role, @Schema(maxLength = 200) String name,
                             @Schema(description = "From outside the school") boolean outsideTheSchool) {
    }

    @Schema(name = "RecordGoal")
    public record Goal(@Schema(maxLength = 1000) String text, LocalDate targetDate, @Schema(maxLength = 20) String status,
                       @Schema(maxItems = PlanRules.MAX_NOTES) List<ProgressNote> progressNotes) {
    }

    @Schema(name = "RecordProgressNote")
    public record ProgressNote(LocalDate notedOn, @Schema(maxLength = 2000) String text, @Schema(maxLength = 255) String author) {
    }

    @Schema(name = "RecordPlannedSupport")
    public record Support(@Schema(maxLength = 60) String category, @Schema(maxLength = 1000) String description,
                          @Schema(description = "The provider's service, if one was chosen", maxLength = 255) String service,
                          @Schema(description = "A referral was made for it") boolean referred) {
    }
}
