package org.studentsupport.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.persistence.PersistenceException;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The caller's scope as one Hibernate filter ({@code scope}), switched on in every session and
 * declared on every entity that holds school- or organization-bound data, so that any query, any
 * find by id and any association load of such an entity sees only what the caller may see. The
 * parameters come from the current request: within an HTTP request the caller's schools and
 * organization; outside one (startup seeding, import jobs, the audit sealer) nothing is hidden.
 *
 * <p>The conditions are SQL over the entity's own table ({@code {alias}}); each entity picks the one
 * that matches its columns. Native SQL and plain JDBC are not filtered.
 */
public final class ScopeFilter {

    public static final String NAME = "scope";
    public static final String UNRESTRICTED = "unrestricted";
    public static final String SCHOOLS = "schools";
    public static final String ORGANIZATION = "organization";

    private static final String SCHOOL_IN_SCOPE = " = any(cast(:" + SCHOOLS + " as uuid[]))";
    private static final String ORGANIZATION_IN_SCOPE = " = cast(nullif(:" + ORGANIZATION + ", '') as uuid)";
    // Every condition that goes through another table is a correlated EXISTS (an index lookup per row), never
    // "IN (SELECT …)": under ":unrestricted OR …" the database cannot turn an IN into a join and computes the whole
    // subquery — every student of the schools, every contact of them, every referral of the organization — for
    // each query, whatever the rows asked for.
    //
    // "exists (select 1 from student s where s.id = <the student id> and s.school_id in the caller's schools)"
    private static final String STUDENT_IN_SCHOOLS = "exists (select 1 from student s where s.id = ";
    private static final String AND_IN_SCHOOLS = " and s.school_id" + SCHOOL_IN_SCOPE + ")";
    // A provider reaches only what was sent to it: a draft has disclosed nothing yet.
    private static final String SENT_TO_ORGANIZATION = "r.organization_id" + ORGANIZATION_IN_SCOPE + " and r.requested_at is not null";
    // "exists (select 1 from referral r where r.student_id = <the student id> and it was sent to the caller's organization)"
    private static final String REFERRED_TO_ORGANIZATION = "exists (select 1 from referral r where r.student_id = ";
    private static final String AND_SENT_TO_ORGANIZATION = " and " + SENT_TO_ORGANIZATION + ")";

    /** A row with a {@code school_id} column. */
    public static final String BY_SCHOOL = "(:" + UNRESTRICTED + " or {alias}.school_id" + SCHOOL_IN_SCOPE + ")";

    /** A student: in one of the caller's schools, or referred to the caller's organization. */
    public static final String STUDENT = "(:" + UNRESTRICTED + " or {alias}.school_id" + SCHOOL_IN_SCOPE
            + " or " + REFERRED_TO_ORGANIZATION + "{alias}.id" + AND_SENT_TO_ORGANIZATION + ")";

    /** A row about one student ({@code student_id}), visible with the student. */
    public static final String BY_STUDENT = "(:" + UNRESTRICTED + " or " + STUDENT_IN_SCHOOLS + "{alias}.student_id" + AND_IN_SCHOOLS
            + " or " + REFERRED_TO_ORGANIZATION + "{alias}.student_id" + AND_SENT_TO_ORGANIZATION + ")";

    /** A row about one student that only school staff see (providers never do). */
    public static final String BY_STUDENT_SCHOOL_ONLY = "(:" + UNRESTRICTED + " or " + STUDENT_IN_SCHOOLS + "{alias}.student_id" + AND_IN_SCHOOLS + ")";

    /** A family contact: visible with one of the students it is a contact of. */
    public static final String FAMILY_CONTACT = "(:" + UNRESTRICTED + " or exists (select 1 from student_contact l"
            + " where l.contact_id = {alias}.id and (" + STUDENT_IN_SCHOOLS + "l.student_id" + AND_IN_SCHOOLS + " or "
            + REFERRED_TO_ORGANIZATION + "l.student_id" + AND_SENT_TO_ORGANIZATION + ")))";

    /** A referral: of one of the caller's schools, or sent (not merely drafted) to the caller's organization. */
    public static final String REFERRAL = "(:" + UNRESTRICTED + " or {alias}.school_id" + SCHOOL_IN_SCOPE
            + " or ({alias}.organization_id" + ORGANIZATION_IN_SCOPE + " and {alias}.requested_at is not null))";

    /** A consent: school staff see their students' consents; a provider those its referrals were sent under. */
    public static final String CONSENT = "(:" + UNRESTRICTED + " or " + STUDENT_IN_SCHOOLS + "{alias}.student_id" + AND_IN_SCHOOLS
            + " or exists (select 1 from referral r where r.consent_id = {alias}.id and " + SENT_TO_ORGANIZATION + "))";

    /** A disclosure record: of the caller's students, or made to the caller's organization. */
    public static final String DISCLOSURE = "(:" + UNRESTRICTED + " or " + STUDENT_IN_SCHOOLS + "{alias}.student_id" + AND_IN_SCHOOLS
            + " or {alias}.party_organization_id" + ORGANIZATION_IN_SCOPE + ")";

    /** A row of a whole-class review ({@code review_id}): an entry or an amendment, visible with its review. */
    public static final String OF_CLASS_REVIEW = "(:" + UNRESTRICTED + " or exists (select 1 from class_review r"
            + " where r.id = {alias}.review_id and r.school_id" + SCHOOL_IN_SCOPE + "))";

    /** A domain row of a whole-class review entry ({@code entry_id}). */
    public static final String OF_CLASS_REVIEW_ENTRY = "(:" + UNRESTRICTED + " or exists (select 1 from class_review_entry e"
            + " join class_review r on r.id = e.review_id where e.id = {alias}.entry_id and r.school_id" + SCHOOL_IN_SCOPE + "))";

    /** A part of an individual review's plan ({@code review_id}): goal, planned support, team member; school staff only. */
    public static final String OF_PLAN = "(:" + UNRESTRICTED + " or exists (select 1 from individual_review p"
            + " where p.id = {alias}.review_id and " + STUDENT_IN_SCHOOLS + "p.student_id" + AND_IN_SCHOOLS + "))";

    /** A progress note of a plan's goal ({@code goal_id}). */
    public static final String OF_PLAN_GOAL = "(:" + UNRESTRICTED + " or exists (select 1 from isr_goal g"
            + " join individual_review p on p.id = g.review_id where g.id = {alias}.goal_id and " + STUDENT_IN_SCHOOLS + "p.student_id" + AND_IN_SCHOOLS + "))";

    /** A row of a referral's history ({@code referral_id}), visible with its referral. */
    public static final String OF_REFERRAL = "(:" + UNRESTRICTED + " or exists (select 1 from referral r where r.id = {alias}.referral_id"
            + " and (r.school_id" + SCHOOL_IN_SCOPE + " or (" + SENT_TO_ORGANIZATION + "))))";

    private ScopeFilter() {
    }

    /** What the filter parameters are for the current caller. */
    record Values(boolean unrestricted, String schools, String organization) {

        static final Values NONE = new Values(true, "{}", "");

        static Values of(Set<UUID> schools, UUID organization) {
            return new Values(false, schools.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}")),
                    organization == null ? "" : organization.toString());
        }
    }

    /**
     * The values for the current thread: restricted within an HTTP request (an anonymous caller sees
     * nothing), unrestricted for work that no caller started.
     */
    static Values current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Values.NONE;
        }
        CurrentVertxRequest request = container.instance(CurrentVertxRequest.class).get();
        if (request == null || request.getCurrent() == null) {
            return Values.NONE;
        }
        CallerScope caller = container.instance(CallerScope.class).get();
        if (caller.isAnonymous()) {
            return Values.of(Set.of(), null);
        }
        VisibleSchools schools = container.instance(VisibleSchools.class).get();
        return Values.of(visibleSchools(schools), caller.isProvider() ? caller.organizationId().orElse(null) : null);
    }

    /**
     * The caller's schools, read from the database while Hibernate builds the request's first filtered
     * statement. A failure of that read is rethrown as a plain exception (its cause kept, so that an
     * outage is still told from a bug): a find by id that meets a JDBC exception in a transaction already
     * marked for rollback logs it and returns null (Hibernate's SessionImpl.find), which would turn a
     * database outage into "not found" and then into a 500 from the next statement of the aborted
     * transaction.
     */
    private static Set<UUID> visibleSchools(VisibleSchools schools) {
        try {
            return schools.visibleSchoolIds();
        } catch (PersistenceException e) {
            throw new IllegalStateException("The caller's schools could not be read", e);
        }
    }

    /** Resolves {@link #UNRESTRICTED}. */
    public static final class Unrestricted implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            return current().unrestricted();
        }
    }

    /** Resolves {@link #SCHOOLS}: the visible school ids as a PostgreSQL array literal. */
    public static final class Schools implements Supplier<String> {
        @Override
        public String get() {
            return current().schools();
        }
    }

    /** Resolves {@link #ORGANIZATION}: the provider's organization id, or empty. */
    public static final class Organization implements Supplier<String> {
        @Override
        public String get() {
            return current().organization();
        }
    }
}
