package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.directory.ServiceRef;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Demo consents and referrals for the run command: referrals in every status, some overdue, a revoked
 * consent flagging an open referral, and one emergency disclosure. Runs after the roster and directory
 * demos; skips (and says so) when their students or the two demo providers are missing, and when its
 * own data is already there. Deterministic: a seeded random picks the students.
 */
@ApplicationScoped
public class ReferralDemoData {

    static final UUID MENTORING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");
    static final UUID COUNSELING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b02");
    static final String AUTHOR = "demo-seed";
    static final List<String> SHARED = List.of("identity", "demographics", "contact", "review-needs");
    /** The moves of the demo referrals: every status at least once. */
    static final ReferralStatus[][] WALKS = {
            {},
            {ReferralStatus.REQUESTED},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED},
            {ReferralStatus.REQUESTED, ReferralStatus.REJECTED},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.ON_HOLD},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.FAILED},
            {ReferralStatus.REQUESTED, ReferralStatus.CANCELLED},
            {ReferralStatus.ENTERED_IN_ERROR},
            {ReferralStatus.REQUESTED},
            {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED},
    };

    private static final Logger LOG = Logger.getLogger(ReferralDemoData.class);

    private final boolean enabled;
    private final ReferralSettings settings;
    private final ConsentService consentService;
    private final ReferralRepository referrals;

    public ReferralDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled,
                            ReferralSettings settings, ConsentService consentService, ReferralRepository referrals) {
        this.enabled = enabled;
        this.settings = settings;
        this.consentService = consentService;
        this.referrals = referrals;
    }

    void onStart(@Observes @Priority(40) StartupEvent event) {
        if (enabled) {
            seed("dst-riverton", MENTORING, COUNSELING);
        }
    }

    /** Seeds the district's demo referrals; returns how many referrals it made (0 when skipped). */
    @Transactional
    int seed(String district, UUID mentoringId, UUID counselingId) {
        EntityManager em = Panache.getEntityManager();
        if (em.createQuery("select count(r) from Referral r where r.author = :a and r.student.school.district.sourcedId = :d",
                Long.class).setParameter("a", AUTHOR).setParameter("d", district).getSingleResult() > 0) {
            LOG.info("Demo referrals already present; nothing to seed");
            return 0;
        }
        List<StudentContact> signers = em.createQuery("select sc from StudentContact sc where sc.maySignConsent = true "
                        + "and sc.student.school.district.sourcedId = :d order by sc.student.sourcedId, sc.contact.sourcedId",
                StudentContact.class).setParameter("d", district).setMaxResults(500).getResultList();
        ProviderService mentoringService = firstService(em, mentoringId);
        ProviderService counselingService = firstService(em, counselingId);
        if (signers.size() < 6 || mentoringService == null || counselingService == null) {
            LOG.infof("Skipping demo referrals: need demo students with a family contact who may sign (found %d) and services of "
                    + "the two demo providers (found %s, %s)", signers.size(), mentoringService != null, counselingService != null);
            return 0;
        }
        List<StudentContact> picked = onePerStudent(signers);
        LocalDate today = LocalDate.now();
        List<Consent> consents = consents(picked.subList(0, Math.min(6, picked.size())), today);
        int made = 0;
        for (int i = 0; i < WALKS.length; i++) {
            Consent consent = consents.get(i % consents.size());
            boolean toCounseling = i % 2 == 1;
            Referral referral = referral(em, consent, toCounseling ? counselingService : mentoringService,
                    toCounseling ? "counseling" : "mentoring", today.minusDays(30 - i));
            // walked from weeks ago: the open ones are past their follow-up dates
            walk(em, referral, WALKS[i], today.minusDays(30 - i));
            made++;
        }
        // a revoked consent: its open referral is flagged
        Consent revoked = consents.get(consents.size() - 1);
        Referral relying = referral(em, revoked, mentoringService, "mentoring", today.minusDays(12));
        walk(em, relying, new ReferralStatus[] {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED}, today.minusDays(12));
        em.flush();
        consentService.revoke(revoked, today.minusDays(1), AUTHOR, "Parent asked by phone to stop sharing");
        made++;
        emergency(em, picked.get(picked.size() > 6 ? 6 : 0).student, counselingService, today);
        made++;
        LOG.infof("Seeded %d demo consents (one revoked) and %d demo referrals", consents.size(), made);
        return made;
    }

    /** One signer per student, in a fixed order shuffled by a seeded random. */
    private static List<StudentContact> onePerStudent(List<StudentContact> signers) {
        List<StudentContact> picked = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        for (StudentContact sc : signers) {
            if (!seen.contains(sc.student.id)) {
                seen.add(sc.student.id);
                picked.add(sc);
            }
        }
        java.util.Collections.shuffle(picked, new Random(40));
        return picked;
    }

    /** A consent signed by each signer, paper and electronic in turn, to every community provider: recorded as the API does. */
    private List<Consent> consents(List<StudentContact> signers, LocalDate today) {
        List<Consent> consents = new ArrayList<>();
        int n = 0;
        for (StudentContact sc : signers) {
            boolean paper = n % 2 == 0;
            consents.add(consentService.record(sc.student, Consent.Signer.contact(sc), new Consent.Terms(today.minusDays(40),
                    paper ? Consent.PAPER : Consent.ELECTRONIC, paper ? "scan/consents/demo-" + n + ".pdf" : null,
                    paper ? null : "family portal account, verified by SMS code", SHARED,
                    List.of("mentoring", "counseling", "family-support"),
                    "connecting the student and family with community support services", null, "community-providers",
                    today.plusMonths(10)), AUTHOR));
            n++;
        }
        return consents;
    }

    /** One referral disclosed under the health-or-safety emergency exception, sent yesterday. */
    private void emergency(EntityManager em, Student student, ProviderService service, LocalDate today) {
        DraftContent crisis = new DraftContent(Set.of(), List.of("health.mental"), null, "urgent", "crisis-intervention",
                List.of("identity", "contact"), "Disclosed under the health-or-safety emergency exception after the student's statement",
                "Urgent same-day assessment requested", null,
                new EmergencyBasis("Student stated a specific plan to harm themself today", "parent by phone; school nurse; district crisis team"));
        Referral emergency = Referral.draft(student, service, AUTHOR, crisis, today.minusDays(1), settings);
        em.persist(emergency);
        walk(em, emergency, new ReferralStatus[] {ReferralStatus.REQUESTED}, today.minusDays(1));
    }

    private Referral referral(EntityManager em, Consent consent, ProviderService service, String purpose, LocalDate written) {
        DraftContent content = new DraftContent(Set.of(consent.signerContact().id),
                List.of(purpose.equals("counseling") ? "anxiety" : "peer-relationships"), "Raised at the fall whole-class review",
                "routine", purpose, SHARED, "Internal: discussed with the teacher", "Family prefers calls after 5 pm", consent, null);
        Referral referral = Referral.draft(consent.student(), service, AUTHOR, content, written, settings);
        em.persist(referral);
        return referral;
    }

    /**
     * Walks the referral through the moves with the workflow's own methods (each by a side allowed to
     * make it): sending through the consent gate stores the disclosure entry it yields.
     */
    private void walk(EntityManager em, Referral referral, ReferralStatus[] moves, LocalDate start) {
        Instant at = start.atTime(9, 0).atZone(java.time.ZoneId.systemDefault()).toInstant();
        LocalDate day = start;
        for (ReferralStatus target : moves) {
            ActorSide side = referral.status.canMove(ActorSide.SCHOOL, target) ? ActorSide.SCHOOL : ActorSide.PROVIDER;
            String actor = side == ActorSide.SCHOOL ? "coord.elm" : "provider.demo";
            if (target == ReferralStatus.REQUESTED) {
                Recipient recipient = Recipient.of(ServiceRef.of(referral.service));
                em.persist(referral.send(recipient, Move.plain(side, actor, at, null), referrals.familyMembers(referral), day,
                        settings));
            } else {
                referral.transition(target, new Move(side, actor, at, reasonCode(target), reasonText(target),
                        target == ReferralStatus.IN_PROGRESS ? day : null, null), day, settings);
            }
            at = at.plus(2, ChronoUnit.DAYS);
            day = day.plusDays(2);
        }
    }

    private static String reasonCode(ReferralStatus target) {
        return switch (target) {
            case REJECTED -> "no-capacity";
            case FAILED -> "unable-to-contact";
            case COMPLETED -> "goals-met";
            default -> null;
        };
    }

    private static String reasonText(ReferralStatus target) {
        return switch (target) {
            case ON_HOLD -> "waitlisted for the spring group";
            case CANCELLED -> "family moved out of the district";
            default -> null;
        };
    }

    private static ProviderService firstService(EntityManager em, UUID organizationId) {
        return em.createQuery("select s from ProviderService s where s.organization.id = :o order by s.name, s.id", ProviderService.class)
                .setParameter("o", organizationId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }
}
