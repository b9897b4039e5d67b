package org.studentsupport.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The referral workflow, in one place: the statuses (FHIR R4 {@code Task.status}, as the Gravity
 * SDOH closed-loop referral guide uses them), the moves allowed from each, which side may make the
 * move to each status, and what a move to each status must carry. Plain Java, so that the rules are
 * tested without booting anything.
 *
 * <p>This is the only list of the statuses. The sets below ({@link #OPEN}, {@link #FINAL}, {@link #SENT},
 * {@link #TRANSITION_TARGETS}) are derived from the moves; the contract's enumerations, the reports and
 * the table's check constraint are tested against them.
 */
public enum ReferralStatus {
    DRAFT("draft", EnumSet.of(ActorSide.SCHOOL)),
    REQUESTED("requested", EnumSet.of(ActorSide.SCHOOL)),
    ACCEPTED("accepted", EnumSet.of(ActorSide.PROVIDER)),
    REJECTED("rejected", EnumSet.of(ActorSide.PROVIDER)),
    IN_PROGRESS("in-progress", EnumSet.of(ActorSide.PROVIDER)),
    ON_HOLD("on-hold", EnumSet.of(ActorSide.PROVIDER, ActorSide.SCHOOL)),
    COMPLETED("completed", EnumSet.of(ActorSide.PROVIDER, ActorSide.SCHOOL)),
    FAILED("failed", EnumSet.of(ActorSide.PROVIDER, ActorSide.SCHOOL)),
    CANCELLED("cancelled", EnumSet.of(ActorSide.SCHOOL)),
    ENTERED_IN_ERROR("entered-in-error", EnumSet.of(ActorSide.SCHOOL));

    /** Why a provider declines a referral. */
    public static final List<String> REJECTION_REASONS =
            List.of("no-capacity", "not-eligible", "out-of-service-area", "unable-to-contact-family", "other");
    /** Why a referral ended without service. */
    public static final List<String> FAILURE_REASONS =
            List.of("family-declined", "unable-to-contact", "no-longer-needed", "provider-unable", "other");
    /** How a delivered service turned out. */
    public static final List<String> OUTCOMES = List.of("goals-met", "partially-met", "not-met");

    /**
     * The codes as one regular expression, for the {@code @Pattern} of requests (annotations need a
     * constant; a test checks it against the codes).
     */
    public static final String CODE_PATTERN =
            "draft|requested|accepted|rejected|in-progress|on-hold|completed|failed|cancelled|entered-in-error";

    /** Open: the referral still needs following up (every status that allows a further move). */
    public static final Set<ReferralStatus> OPEN = frozen(Arrays.stream(values()).filter(s -> !s.next().isEmpty()).toList());
    /** Final: no further move. */
    public static final Set<ReferralStatus> FINAL = frozen(Arrays.stream(values()).filter(s -> s.next().isEmpty()).toList());
    /** Sent: requested and every status a requested referral can reach; what the follow-through reports count. */
    public static final Set<ReferralStatus> SENT = frozen(reachableFrom(REQUESTED));
    /** Sent and still open: the referrals the provider or the school still has to act on. */
    public static final Set<ReferralStatus> SENT_OPEN = frozen(SENT.stream().filter(OPEN::contains).toList());
    /** Sent and closed: how a sent referral ended. */
    public static final Set<ReferralStatus> SENT_CLOSED = frozen(SENT.stream().filter(FINAL::contains).toList());
    /** What the transitions operation may move to: the target of any move except sending, which has its own operation. */
    public static final Set<ReferralStatus> TRANSITION_TARGETS = frozen(Arrays.stream(values())
            .flatMap(s -> s.next().stream()).filter(s -> s != REQUESTED).toList());

    private final String code;
    private final Set<ActorSide> setBy;

    ReferralStatus(String code, Set<ActorSide> setBy) {
        this.code = code;
        this.setBy = setBy;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReferralStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown referral status " + code));
    }

    /** The codes of some statuses, in the enum's order. */
    public static List<String> codes(Collection<ReferralStatus> statuses) {
        return Arrays.stream(values()).filter(statuses::contains).map(ReferralStatus::code).toList();
    }

    /** Every code, in the enum's order. */
    public static List<String> codes() {
        return codes(EnumSet.allOf(ReferralStatus.class));
    }

    /**
     * The target of a move through the transitions operation; refuses {@code requested}, since sending
     * discloses student data and has its own operation. Whether the move is allowed is the workflow's
     * question ({@link #canMove}), asked later.
     */
    public static ReferralStatus transitionTarget(String code, String sendHint) {
        ReferralStatus target = fromCode(code);
        if (target == REQUESTED) {
            throw new RuleBrokenException("Sending discloses student data and has its own operation",
                    List.of(Violation.atPointer("/to", sendHint)));
        }
        return target;
    }

    /** This status and every status reachable from it by any number of moves. */
    public static Set<ReferralStatus> reachableFrom(ReferralStatus start) {
        Set<ReferralStatus> seen = EnumSet.of(start);
        Deque<ReferralStatus> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (ReferralStatus next : todo.pop().next()) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    private static Set<ReferralStatus> frozen(Collection<ReferralStatus> statuses) {
        return Collections.unmodifiableSet(statuses.isEmpty() ? EnumSet.noneOf(ReferralStatus.class) : EnumSet.copyOf(statuses));
    }

    /** The statuses this one may move to, whoever moves it. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR);
            case REQUESTED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, ON_HOLD, FAILED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, FAILED);
            case ON_HOLD -> EnumSet.of(IN_PROGRESS, FAILED, CANCELLED);
            case REJECTED, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** The sides that may set a referral to this status. */
    public Set<ActorSide> setBy() {
        return EnumSet.copyOf(setBy);
    }

    /** Final statuses allow no further move. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Open: the referral still needs following up. */
    public boolean isOpen() {
        return !isFinal();
    }

    /** The statuses one side may move this one to. */
    public Set<ReferralStatus> allowedFor(ActorSide side) {
        Set<ReferralStatus> allowed = EnumSet.noneOf(ReferralStatus.class);
        for (ReferralStatus target : next()) {
            if (target.setBy.contains(side)) {
                allowed.add(target);
            }
        }
        return allowed;
    }

    public boolean canMove(ActorSide side, ReferralStatus target) {
        return allowedFor(side).contains(target);
    }

    /**
     * What a move to this status must carry, per the domain table: the missing or invalid parts of
     * the given move, empty when it is complete.
     */
    public List<Missing> check(String reasonCode, String reasonText, LocalDate firstServiceOn) {
        List<Missing> missing = new ArrayList<>();
        switch (this) {
            case REJECTED -> codeWithOther(REJECTION_REASONS, reasonCode, reasonText, missing);
            case FAILED -> codeWithOther(FAILURE_REASONS, reasonCode, reasonText, missing);
            case COMPLETED -> {
                if (reasonCode == null || !OUTCOMES.contains(reasonCode)) {
                    missing.add(new Missing("reasonCode", "the outcome is required: one of " + OUTCOMES));
                }
            }
            case IN_PROGRESS -> {
                if (firstServiceOn == null) {
                    missing.add(new Missing("firstServiceOn", "the date of the first service is required"));
                }
            }
            case ON_HOLD, CANCELLED -> {
                if (isBlank(reasonText)) {
                    missing.add(new Missing("reasonText", "a reason is required to move to " + code));
                }
            }
            default -> {
                // draft, requested, accepted and entered-in-error carry no reason
            }
        }
        return missing;
    }

    private static void codeWithOther(List<String> codes, String reasonCode, String reasonText, List<Missing> missing) {
        if (reasonCode == null || !codes.contains(reasonCode)) {
            missing.add(new Missing("reasonCode", "the reason is required: one of " + codes));
        } else if (reasonCode.equals("other") && isBlank(reasonText)) {
            missing.add(new Missing("reasonText", "describe the reason when it is 'other'"));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** One missing or invalid part of a move: the request field and what is wrong with it. */
    public record Missing(String field, String message) {
    }
}
