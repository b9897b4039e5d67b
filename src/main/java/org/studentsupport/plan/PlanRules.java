package org.studentsupport.plan;

import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The rules a plan keeps: its closed vocabularies (shared by the request records and the schema)
 * and its size limits. Plain Java, so that they are checked without a database.
 */
public final class PlanRules {

    public static final String ROLES = "coordinator|teacher|nurse|psychologist|counselor|social-worker|administrator|family|provider|student|other";
    public static final String ROLES_TEXT = "coordinator, teacher, nurse, psychologist, counselor, social-worker, administrator, family, provider, student, other";
    public static final String GOAL_STATUSES = "open|met|partially-met|not-met|discontinued";
    public static final String GOAL_STATUSES_TEXT = "open, met, partially-met, not-met, discontinued";
    public static final String CATEGORIES = "prevention-enrichment|early-intervention|intensive";
    public static final String CATEGORIES_TEXT = "prevention-enrichment, early-intervention, intensive";

    public static final int MAX_TEAM = 30;
    public static final int MAX_GOALS = 30;
    public static final int MAX_SUPPORTS = 50;
    public static final int MAX_NOTES = 500;

    private PlanRules() {
    }

    /** A plan that holds {@code goals} goals may take one more. */
    public static void requireRoomForGoal(int goals) {
        requireRoom(goals, MAX_GOALS, "A plan holds at most " + MAX_GOALS + " goals");
    }

    /** A plan that holds {@code supports} planned supports may take one more. */
    public static void requireRoomForSupport(int supports) {
        requireRoom(supports, MAX_SUPPORTS, "A plan holds at most " + MAX_SUPPORTS + " planned supports");
    }

    /** A goal that holds {@code notes} progress notes may take one more. */
    public static void requireRoomForNote(int notes) {
        requireRoom(notes, MAX_NOTES, "A goal holds at most " + MAX_NOTES + " progress notes");
    }

    /**
     * The planned supports that name a service the provider directory does not have, one violation each.
     *
     * @param inDirectory whether the directory has a service
     * @param pointer     the JSON pointer to the serviceId of the support at an index
     */
    public static List<Violation> unknownServices(List<SupportInput> supports, Predicate<UUID> inDirectory,
                                                  IntFunction<String> pointer) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < supports.size(); i++) {
            UUID service = supports.get(i).serviceId();
            if (service != null && !inDirectory.test(service)) {
                violations.add(Violation.atPointer(pointer.apply(i), "is not a service of the provider directory"));
            }
        }
        return violations;
    }

    private static void requireRoom(int held, int max, String detail) {
        if (held >= max) {
            throw new RuleBrokenException(detail, List.of());
        }
    }
}
