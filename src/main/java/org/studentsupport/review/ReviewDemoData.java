package org.studentsupport.review;

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
import org.studentsupport.roster.AcademicSession;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.school.District;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Demo reviews for the run command: when the demo district has a roster, its school year gets a
 * fall and a spring review period; most homerooms of the fall term (the students' reviewing classes)
 * a finalized fall review, a few a draft, one in seven none; strengths and needs drawn from their
 * separate vocabularies (tier-1 students get no needs); and a handful of tier-3 students an
 * individual review with a plan. Scheduled classes are not reviewed. Deterministic (seeded) and
 * idempotent (skipped when the fall period exists). Runs after the roster demo data.
 */
@ApplicationScoped
public class ReviewDemoData {

    private static final Logger LOG = Logger.getLogger(ReviewDemoData.class);
    private static final String DISTRICT = "dst-riverton";
    private static final UUID MENTORING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");
    private static final int INDIVIDUAL_REVIEWS = 6;

    private final boolean enabled;
    private final EntityManager em;
    private final org.studentsupport.vocabulary.VocabularyService codes;
    private final ClassReviewRepository reviews;

    public ReviewDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled,
                          EntityManager em, org.studentsupport.vocabulary.VocabularyService codes, ClassReviewRepository reviews) {
        this.enabled = enabled;
        this.em = em;
        this.codes = codes;
        this.reviews = reviews;
    }

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            seed(DISTRICT);
        }
    }

    /** Seeds the reviews of a district's roster; package-private for the test that checks it on its own district. */
    @Transactional
    void seed(String district) {
        List<ClassSection> classes = em.createQuery("from ClassSection c where c.school.district.sourcedId = :d "
                + "order by c.school.sourcedId, c.title, c.id", ClassSection.class).setParameter("d", district).getResultList();
        if (classes.isEmpty()) {
            LOG.info("No demo roster classes in " + district + "; skipping demo reviews");
            return;
        }
        AcademicSession year = schoolYearOf(classes.get(0).session);
        String prefix = (year.schoolYear - 1) + "-" + String.format("%02d", year.schoolYear % 100);
        if (!em.createQuery("from ReviewPeriod p where p.schoolYear = :y and p.name = :n", ReviewPeriod.class)
                .setParameter("y", year).setParameter("n", prefix + " fall").getResultList().isEmpty()) {
            LOG.info("Demo review periods already present; nothing to seed");
            return;
        }
        long days = ChronoUnit.DAYS.between(year.startDate, year.endDate);
        // spring starts with the year's second term (so that its roster is the spring classes), else mid-year
        LocalDate middle = em.createQuery("from AcademicSession s where s.parent = :y and s.startDate > :start "
                        + "order by s.startDate", AcademicSession.class)
                .setParameter("y", year).setParameter("start", year.startDate).setMaxResults(1).getResultStream()
                .map(term -> term.startDate).findFirst().orElse(year.startDate.plusDays(days / 2));
        ReviewPeriod fall = period(year, prefix + " fall", ReviewPeriod.FALL, year.startDate, middle.minusDays(1));
        period(year, prefix + " spring", ReviewPeriod.SPRING, middle, year.endDate);

        Random random = new Random(30);
        org.studentsupport.vocabulary.Vocabulary active = codes.of(classes.get(0).school.district.id);
        LocalDate reviewedOn = fall.startDate.plusDays(Math.min(30, ChronoUnit.DAYS.between(fall.startDate, fall.endDate)));
        Map<UUID, String> highestTier = new java.util.LinkedHashMap<>();
        Set<UUID> reviewedInFall = new java.util.HashSet<>();
        int finals = 0;
        int drafts = 0;
        // reviews happen in the homerooms of the fall term: each student's reviewing class, once per period
        List<ClassSection> homerooms = classes.stream().filter(c -> ClassSection.HOMEROOM.equals(c.classType))
                .filter(c -> ReviewRosterService.ofTerm(c, fall)).toList();
        for (int i = 0; i < homerooms.size(); i++) {
            ClassSection section = homerooms.get(i);
            if (i % 7 == 6) {
                continue; // left not started
            }
            boolean draft = i % 7 == 5;
            List<UUID> students = reviews.enrolledOn(section.id, reviewedOn).stream().sorted().filter(reviewedInFall::add).toList();
            if (students.isEmpty()) {
                continue;
            }
            ClassReview review = new ClassReview(section.id, fall, section.school.id);
            UUID teacher = section.teachers.stream().map(t -> t.id).sorted().findFirst().orElse(null);
            review.saveDraft("sch-elm".equals(section.school.sourcedId) ? "coord.elm" : "coord.harbor", teacher, reviewedOn);
            em.persist(review);
            List<ClassReviewEntry> entries = new ArrayList<>();
            for (int s = 0; s < students.size(); s++) {
                ClassReviewEntry entry = entry(review.id, students.get(s), s, draft && s % 3 == 2, random, active);
                entries.add(entry);
                if ("3".equals(entry.tier) && !draft && highestTier.size() < INDIVIDUAL_REVIEWS
                        && !highestTier.containsKey(entry.studentId)) {
                    highestTier.put(entry.studentId, review.coordinatorSubject);
                }
            }
            if (draft) {
                drafts++;
            } else {
                review.finalizeBy(review.coordinatorSubject, entries, students);
                finals++;
            }
        }
        UUID mentoring = em.createQuery("select s.id from ProviderService s where s.organization.id = :o order by s.name, s.id", UUID.class)
                .setParameter("o", MENTORING).setMaxResults(1).getResultStream().findFirst().orElse(null);
        highestTier.forEach((student, coordinator) -> individualReview(student, coordinator, fall, mentoring));
        LOG.infof("Seeded demo reviews: periods %s fall and spring, %d final and %d draft homeroom reviews, %d individual reviews",
                prefix, finals, drafts, highestTier.size());
    }

    /** One student's entry with random tier, interests and codes; a draft leaves some tiers out. */
    private ClassReviewEntry entry(UUID reviewId, UUID student, int position, boolean withoutTier, Random random,
                                   org.studentsupport.vocabulary.Vocabulary active) {
        ClassReviewEntry entry = new ClassReviewEntry(reviewId, student, position);
        int roll = random.nextInt(100);
        entry.tier = withoutTier ? null : roll < 60 ? "1" : roll < 88 ? "2" : "3";
        entry.needsIndividualReview = "3".equals(entry.tier);
        entry.interests = List.of("soccer", "drawing", "music", "robotics", "reading", "basketball").get(random.nextInt(6));
        em.persist(entry);
        for (ReviewDomain domain : ReviewDomain.values()) {
            List<String> needCodes = active.active(org.studentsupport.vocabulary.CodeKind.NEED, domain.code());
            List<String> strengthCodes = active.active(org.studentsupport.vocabulary.CodeKind.STRENGTH, domain.code());
            if (needCodes.isEmpty() || random.nextInt(3) == 0) {
                continue;
            }
            List<String> needs = "1".equals(entry.tier) ? List.of() : List.of(needCodes.get(random.nextInt(needCodes.size())));
            List<String> strengths = strengthCodes.isEmpty() ? List.of() : List.of(strengthCodes.get(random.nextInt(strengthCodes.size())));
            em.persist(new ClassReviewDomain(entry.id, domain, strengths, needs, null));
        }
        return entry;
    }

    private void individualReview(UUID student, String coordinator, ReviewPeriod fall, UUID mentoringService) {
        IndividualReview review = new IndividualReview(student,
                "Placed in tier 3 at the fall review: frequent absences and difficulty with peers.", coordinator);
        review.team.add(new TeamMember(review, "coordinator", null, false, 0));
        review.team.add(new TeamMember(review, "teacher", null, false, 1));
        review.team.add(new TeamMember(review, "family", "Parent or guardian", true, 2));
        review.addGoal("Attend school at least 4 days a week", fall.endDate.plusDays(45), null);
        review.addGoal("Join one after-school activity with peers", fall.endDate, null);
        review.addSupport("early-intervention", "Weekly mentoring", mentoringService);
        review.addSupport("prevention-enrichment", "After-school sports program", null);
        em.persist(review);
    }

    private ReviewPeriod period(AcademicSession year, String name, String kind, LocalDate start, LocalDate end) {
        ReviewPeriod period = new ReviewPeriod(em.find(District.class, year.district.id), year);
        period.name = name;
        period.kind = kind;
        period.startDate = start;
        period.endDate = end;
        em.persist(period);
        return period;
    }

    private static AcademicSession schoolYearOf(AcademicSession session) {
        AcademicSession s = session;
        while (s.parent != null && !AcademicSession.SCHOOL_YEAR.equals(s.type)) {
            s = s.parent;
        }
        return s;
    }
}
