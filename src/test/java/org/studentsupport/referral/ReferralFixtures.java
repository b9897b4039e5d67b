package org.studentsupport.referral;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.directory.Organization;
import org.studentsupport.school.School;
import org.studentsupport.student.FamilyContact;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.support.TestFixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Students, contacts, providers and consents for the referral tests, written straight to the database. */
@ApplicationScoped
public class ReferralFixtures {

    private final TestFixtures fixtures;
    private final ConsentService consents;
    private final ReferralRepository referrals;
    private final ReferralSettings settings;

    public ReferralFixtures(TestFixtures fixtures, ConsentService consents, ReferralRepository referrals, ReferralSettings settings) {
        this.fixtures = fixtures;
        this.consents = consents;
        this.referrals = referrals;
        this.settings = settings;
    }

    public UUID school(String district, String school) {
        return fixtures.school(district, school, "School " + school);
    }

    @Transactional
    public UUID student(UUID schoolId, String givenName, String familyName, LocalDate birthDate) {
        Student student = new Student("stu-" + UUID.randomUUID(), em().find(School.class, schoolId), givenName, familyName);
        student.birthDate = birthDate;
        student.grade = "07";
        student.preferredLanguage = "es";
        em().persist(student);
        return student.id;
    }

    @Transactional
    public UUID contact(UUID studentId, String givenName, String familyName, String relationship, boolean maySign) {
        FamilyContact contact = new FamilyContact("fam-" + UUID.randomUUID(), givenName, familyName);
        contact.phone = "+1 413 555 0100";
        contact.email = givenName.toLowerCase() + "@example.org";
        contact.preferredLanguage = "es";
        em().persist(contact);
        em().persist(new StudentContact(em().find(Student.class, studentId), contact, relationship, maySign));
        return contact.id;
    }

    @Transactional
    public UUID organization(String name) {
        Organization organization = new Organization(UUID.randomUUID(), name);
        // HSDS requires a description: the directory's other tests read every organization as HSDS.
        organization.description = "Test organization " + name;
        em().persist(organization);
        return organization.id;
    }

    /** An organization with a known id (provider tests name it in their identity), created once. */
    @Transactional
    public UUID organization(UUID id, String name) {
        if (em().find(Organization.class, id) == null) {
            Organization organization = new Organization(id, name);
            organization.description = "Test organization " + name;
            em().persist(organization);
        }
        return id;
    }

    /** Gives the organization its intake e-mail address (the directory's organization e-mail). */
    @Transactional
    public void organizationEmail(UUID organizationId, String email) {
        em().find(Organization.class, organizationId).email = email;
    }

    @Transactional
    public UUID service(UUID organizationId, String name) {
        ProviderService service = new ProviderService(UUID.randomUUID(), em().find(Organization.class, organizationId), name);
        em().persist(service);
        return service.id;
    }

    /** A consent signed by the contact, naming one organization (or every community provider when null), recorded as the API does. */
    @Transactional
    public UUID consent(UUID studentId, UUID signerContactId, UUID organizationId, List<String> purposes, List<String> categories,
                        LocalDate signedOn, LocalDate expiresOn, LocalDate revokedOn) {
        Student student = em().find(Student.class, studentId);
        StudentContact link = em().find(StudentContact.class, new StudentContact.Key(studentId, signerContactId));
        Consent consent = consents.record(student, Consent.Signer.contact(link), new Consent.Terms(signedOn, Consent.PAPER,
                "scan-" + UUID.randomUUID(), null, categories, purposes, null, organizationId,
                organizationId == null ? "community-providers" : null, expiresOn), "fixture");
        if (revokedOn != null) {
            consent.revoke(revokedOn, "fixture", null, LocalDate.now());
        }
        return consent.id();
    }

    /** Revokes a consent as the API does (flagging the open referrals relying on it), today. */
    @Transactional
    public void revoke(UUID consentId) {
        consents.revoke(em().find(Consent.class, consentId), LocalDate.now(), "fixture", "the family withdrew consent");
    }

    /** Lets a consent run out, as time would: its last day becomes {@code lastDay}. */
    @Transactional
    public void expire(UUID consentId, LocalDate lastDay) {
        em().createNativeQuery("update consent set expires_on = ?1 where id = ?2")
                .setParameter(1, lastDay).setParameter(2, consentId).executeUpdate();
    }

    /**
     * A referral walked through the given moves as the workflow allows (sending through the consent gate,
     * which stores the disclosure entry with its snapshot; the rest by the side allowed to make them),
     * without the HTTP layer.
     */
    @Transactional
    public UUID referral(UUID studentId, UUID serviceId, UUID consentId, List<String> shared, ReferralStatus... moves) {
        return referral(studentId, serviceId, consentId, shared, List.of(), moves);
    }

    /** The same, naming family members on the referral before it is sent. */
    @Transactional
    public UUID referral(UUID studentId, UUID serviceId, UUID consentId, List<String> shared, List<UUID> members,
                         ReferralStatus... moves) {
        Referral referral = new Referral(em().find(Student.class, studentId), em().find(ProviderService.class, serviceId), "fixture");
        referral.purpose = "mentoring";
        referral.reasonCodes = List.of("anxiety");
        referral.sharedCategories = shared;
        referral.internalNotes = "INTERNAL: not for the provider";
        referral.sharedNotes = "Shared: likes drawing";
        referral.consent = consentId == null ? null : em().find(Consent.class, consentId);
        // without a consent, the referral is sent under the emergency exception
        referral.emergency = consentId == null;
        referral.emergencyThreat = consentId == null ? "fixture: a stated plan to harm" : null;
        referral.emergencyPartiesInformed = consentId == null ? "fixture: parent by phone" : null;
        referral.familyContactIds.addAll(members);
        em().persist(referral);
        java.time.Instant at = java.time.Instant.now();
        for (ReferralStatus target : moves) {
            ActorSide side = referral.status.canMove(ActorSide.SCHOOL, target) ? ActorSide.SCHOOL : ActorSide.PROVIDER;
            at = at.plusMillis(1);
            if (target == ReferralStatus.REQUESTED) {
                em().persist(referral.send(new Recipient(referral.service.name, referral.service.organization.name, true),
                        Move.plain(side, "fixture", at, null), referrals.familyMembers(referral), LocalDate.now(), settings));
                continue;
            }
            String code = switch (target) {
                case REJECTED -> "no-capacity";
                case FAILED -> "family-declined";
                case COMPLETED -> "goals-met";
                default -> null;
            };
            String text = target == ReferralStatus.ON_HOLD || target == ReferralStatus.CANCELLED ? "fixture reason" : null;
            em().persist(referral.moveTo(target, side, "fixture", at, code, text,
                    target == ReferralStatus.IN_PROGRESS ? LocalDate.now() : null, null));
        }
        return referral.id;
    }

    /**
     * {@code count} referrals of the student written with one SQL statement, spread over the services: one in
     * twenty still open (requested, due over the next 30 days), the others completed, one an hour back in time.
     */
    @Transactional
    public void bulkReferrals(UUID studentId, List<UUID> serviceIds, int count) {
        for (int i = 0; i < serviceIds.size(); i++) {
            em().createNativeQuery("insert into referral (id, student_id, school_id, service_id, organization_id, status, purpose,"
                            + " reason_codes, urgency, shared_categories, author, requested_at, closed_at, follow_up_due,"
                            + " status_reason_code, emergency, emergency_threat, emergency_parties_informed, created_at, updated_at)"
                            + " select gen_random_uuid(), st.id, st.school_id, sv.id, sv.organization_id,"
                            + " case when g % 20 = 0 then 'requested' else 'completed' end, 'mentoring', 'anxiety', 'routine',"
                            + " 'identity', 'bulk', now() - g * interval '1 hour',"
                            + " case when g % 20 = 0 then null else now() - g * interval '1 hour' + interval '5 minutes' end,"
                            + " case when g % 20 = 0 then current_date + (g % 30) else null end,"
                            + " case when g % 20 = 0 then null else 'goals-met' end, true, 'bulk: a stated threat', 'bulk: parent',"
                            + " now() - g * interval '1 hour', now()"
                            + " from student st, dir_service sv, generate_series(?1, ?2) g where st.id = ?3 and sv.id = ?4")
                    .setParameter(1, i * count / serviceIds.size() + 1).setParameter(2, (i + 1) * count / serviceIds.size())
                    .setParameter(3, studentId).setParameter(4, serviceIds.get(i)).executeUpdate();
        }
    }

    /** Changes the student's and a family contact's live rows, as the roster import or a coordinator would. */
    @Transactional
    public void changeLiveRecord(UUID studentId, UUID contactId, String grade, String phone, String preferredContactMethod) {
        em().find(Student.class, studentId).grade = grade;
        FamilyContact contact = em().find(FamilyContact.class, contactId);
        contact.phone = phone;
        contact.preferredContactMethod = preferredContactMethod;
    }

    /** The data snapshots of a referral's disclosure entries, oldest first. */
    @Transactional
    public List<String> snapshots(UUID referralId) {
        return em().createQuery("select d from Disclosure d where d.referralId = :r order by d.disclosedAt, d.id",
                        org.studentsupport.disclosure.Disclosure.class)
                .setParameter("r", referralId).getResultList().stream().map(org.studentsupport.disclosure.Disclosure::snapshot).toList();
    }

    @Transactional
    public List<String> history(UUID referralId) {
        return em().createQuery("select t from ReferralTransition t where t.referral.id = :r order by t.at, t.id", ReferralTransition.class)
                .setParameter("r", referralId).getResultList().stream().map(t -> t.toStatus.code() + ":" + t.actorSide).toList();
    }

    @Transactional
    public long disclosures(UUID referralId) {
        return em().createQuery("select count(d) from Disclosure d where d.referralId = :r", Long.class)
                .setParameter("r", referralId).getSingleResult();
    }

    @Transactional
    public long transitions(UUID referralId) {
        return em().createQuery("select count(t) from ReferralTransition t where t.referral.id = :r", Long.class)
                .setParameter("r", referralId).getSingleResult();
    }

    @Transactional
    public long referralsOf(UUID studentId) {
        return em().createQuery("select count(r) from Referral r where r.student.id = :s", Long.class)
                .setParameter("s", studentId).getSingleResult();
    }

    /** Tries to change a disclosure entry as the application's database role would. */
    @Transactional
    public void tamperWithDisclosure(UUID referralId) {
        em().createNativeQuery("update disclosure set party_name = 'someone else' where referral_id = ?1")
                .setParameter(1, referralId).executeUpdate();
    }

    /** Moves a referral's follow-up date into the past, as time would. */
    @Transactional
    public void followUpDue(UUID referralId, LocalDate due) {
        em().createQuery("update Referral r set r.followUpDue = :d where r.id = :r")
                .setParameter("d", due).setParameter("r", referralId).executeUpdate();
    }

    /** The referral's status and its reason or outcome code, as stored: {@code status:code}. */
    @Transactional
    public String state(UUID referralId) {
        Referral r = em().find(Referral.class, referralId);
        em().refresh(r);
        return r.status.code() + ":" + r.statusReasonCode;
    }

    /** Audit events of an action on the referral (written by the audit interceptor). */
    @Transactional
    public long auditEvents(UUID referralId, String action, String outcome) {
        return ((Number) em().createNativeQuery("select count(*) from audit_event where object_type = 'referral' "
                        + "and object_id = ?1 and action = ?2 and outcome = ?3")
                .setParameter(1, referralId.toString()).setParameter(2, action).setParameter(3, outcome).getSingleResult()).longValue();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
