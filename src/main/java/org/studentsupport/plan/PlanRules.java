package org.studentsupport.plan;

/** The closed vocabularies of plans, shared by the request records and the schema. */
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
}
