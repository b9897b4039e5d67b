package org.studentsupport.received;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.studentsupport.plan.IndividualReview;
import org.studentsupport.plan.TeamMember;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * School-based supports for the demo (run command), so that the services reports and the gap list show
 * something: for the students the fall review placed in tier 2 or 3 with needs, a plan (or the demo's
 * open plan) with supports the school gives itself, in the three categories, each naming the needs it
 * meets. Every second student's second domain is left without a support, so the gap list has work on it.
 * Runs after the review and referral demos (which give the community services: referrals in progress and
 * completed); skips when there is no finalized demo review, and when its own data is there.
 */
@ApplicationScoped
public class ServicesDemoData {

    static final String DISTRICT = "dst-riverton";
    static final String CONCERNS = "Needs raised at the fall whole-class review; school-based supports agreed with the teacher.";

    private static final Logger LOG = Logger.getLogger(ServicesDemoData.class);

    /** category, description by domain; tier 3 gets the intensive one where there is one. */
    private static final Map<String, String[]> SUPPORTS = Map.of(
            "academic", new String[] {ServiceCategory.EARLY_INTERVENTION, "Small-group intervention block with the reading specialist"},
            "social-emotional", new String[] {ServiceCategory.EARLY_INTERVENTION, "Lunch group with the school counselor"},
            "health", new String[] {ServiceCategory.EARLY_INTERVENTION, "Weekly check-in with the school nurse"},
            "family", new String[] {ServiceCategory.EARLY_INTERVENTION, "Family outreach by the coordinator"});
    private static final Map<String, String[]> INTENSIVE = Map.of(
            "social-emotional", new String[] {ServiceCategory.INTENSIVE, "Individual counseling with the school adjustment counselor"},
            "health", new String[] {ServiceCategory.INTENSIVE, "Individual health plan with the school nurse"});
    private static final String[] ENRICHMENT = {ServiceCategory.PREVENTION_ENRICHMENT, "School after-school enrichment club"};

    private static List<String> descriptions() {
        List<String> all = new ArrayList<>();
        SUPPORTS.values().forEach(s -> all.add(s[1]));
        INTENSIVE.values().forEach(s -> all.add(s[1]));
        all.add(ENRICHMENT[1]);
        return all;
    }

    private final boolean enabled;
    private final EntityManager em;

    public ServicesDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled, EntityManager em) {
        this.enabled = enabled;
        this.em = em;
    }

    void onStart(@Observes @Priority(50) StartupEvent event) {
        if (enabled) {
            seed(DISTRICT);
        }
    }

    /** Seeds the district's school-based supports; returns how many it added (0 when skipped). */
    @Transactional
    int seed(String district) {
        if (!em.createNativeQuery("""
                        SELECT s.id FROM isr_support s JOIN individual_review ir ON ir.id = s.review_id JOIN student st ON st.id = ir.student_id
                        JOIN school sc ON sc.id = st.school_id JOIN district d ON d.id = sc.district_id
                        WHERE d.sourced_id = :d AND s.description IN (:mine)""")
                .setParameter("d", district).setParameter("mine", descriptions()).setMaxResults(1).getResultList().isEmpty()) {
            LOG.info("Demo school-based supports already present; nothing to seed");
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> students = em.createNativeQuery("""
                        SELECT x.student_id, x.tier, min(r.coordinator_subject), string_agg(d.domain || '=' || d.needs, ';' ORDER BY d.domain)
                        FROM class_review_entry x
                        JOIN class_review r ON r.id = x.review_id
                        JOIN review_period p ON p.id = r.period_id
                        JOIN district dd ON dd.id = p.district_id
                        JOIN class_review_domain d ON d.entry_id = x.id
                        JOIN student st ON st.id = x.student_id
                        WHERE dd.sourced_id = :d AND p.kind = 'fall' AND r.status = 'final' AND x.current
                          AND x.tier IN ('2', '3') AND d.needs <> ''
                        GROUP BY x.student_id, x.tier, st.sourced_id
                        ORDER BY st.sourced_id""")
                .setParameter("d", district).getResultList();
        if (students.isEmpty()) {
            LOG.info("No finalized demo review with needs in " + district + "; skipping demo school-based supports");
            return 0;
        }
        int added = 0;
        int n = 0;
        for (Object[] s : students) {
            UUID student = (UUID) s[0];
            String tier = (String) s[1];
            Map<String, List<String>> needs = new LinkedHashMap<>();
            for (String part : ((String) s[3]).split(";")) {
                String[] kv = part.split("=", 2);
                needs.put(kv[0], Arrays.asList(kv[1].split(",")));
            }
            IndividualReview plan = em.createQuery("from IndividualReview r where r.studentId = :s and r.status = 'open'", IndividualReview.class)
                    .setParameter("s", student).getResultStream().findFirst().orElse(null);
            if (plan == null) {
                plan = new IndividualReview(student, CONCERNS, (String) s[2]);
                plan.team.add(new TeamMember(plan, "coordinator", null, false, 0));
                plan.team.add(new TeamMember(plan, "teacher", null, false, 1));
                em.persist(plan);
            }
            List<String> planNeeds = new ArrayList<>(plan.needCodes);
            int domains = 0;
            for (Map.Entry<String, List<String>> domain : needs.entrySet()) {
                planNeeds.addAll(domain.getValue());
                // every second student: only the first domain gets a support, the others stay on the gap list
                if (domains++ > 0 && n % 2 == 1) {
                    continue;
                }
                String[] support = "3".equals(tier) && INTENSIVE.containsKey(domain.getKey()) ? INTENSIVE.get(domain.getKey())
                        : SUPPORTS.get(domain.getKey());
                if (support != null && plan.supports.size() < 50) {
                    plan.addSupport(support[0], support[1], null, domain.getValue());
                    added++;
                }
            }
            if (n % 3 == 0 && plan.supports.size() < 50) {
                plan.addSupport(ENRICHMENT[0], ENRICHMENT[1], null, List.of());
                added++;
            }
            plan.needCodes = List.copyOf(new java.util.LinkedHashSet<>(planNeeds));
            plan.updatedAt = java.time.Instant.now();
            n++;
        }
        LOG.infof("Seeded %d demo school-based supports for %d students", added, n);
        return added;
    }
}
