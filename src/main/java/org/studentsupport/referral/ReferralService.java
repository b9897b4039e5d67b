package org.studentsupport.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.consent.Consent;
import org.studentsupport.consent.ConsentDependents;
import org.studentsupport.consent.ConsentService;
import org.studentsupport.consent.ConsentVocabulary;
import org.studentsupport.directory.Directory;
import org.studentsupport.directory.ProviderService;
import org.studentsupport.directory.ServiceRef;
import org.studentsupport.disclosure.Disclosure;
import org.studentsupport.disclosure.DisclosureService;
import org.studentsupport.school.SchoolScope;
import org.studentsupport.security.CallerScope;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentContact;
import org.studentsupport.student.StudentScope;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.web.Problem.Violation;
import org.studentsupport.web.ProblemKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Referrals: drafts written by the school, sent to a provider through the consent gate (which
 * records the disclosure), moved through the workflow by each side, re-routed when rejected.
 */
@ApplicationScoped
public class ReferralService implements ConsentDependents {

    static final List<ReferralStatus> OPEN = java.util.Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).toList();
    static final int HISTORY_LIMIT = 200;

    private final ReferralRepository referrals;
    private final StudentScope studentScope;
    private final SchoolScope schoolScope;
    private final CallerScope caller;
    private final Directory directory;
    private final ConsentService consents;
    private final DisclosureService disclosures;
    private final ReferralSettings settings;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Validator validator;

    public ReferralService(ReferralRepository referrals, StudentScope studentScope, SchoolScope schoolScope,
                           CallerScope caller, Directory directory, ConsentService consents, DisclosureService disclosures,
                           ReferralSettings settings, AuditTrail audit, ObjectMapper mapper, Validator validator) {
        this.referrals = referrals;
        this.studentScope = studentScope;
        this.schoolScope = schoolScope;
        this.caller = caller;
        this.directory = directory;
        this.consents = consents;
        this.disclosures = disclosures;
        this.settings = settings;
        this.audit = audit;
        this.mapper = mapper;
        this.validator = validator;
    }

    // ---- drafts ----------------------------------------------------------------------------------

    /**
     * Creates a draft. With an Idempotency-Key, a repeat of the same request by the same caller
     * returns the referral the first one created (marked replayed); the same key with another body is a 422.
     */
    @Transactional
    public Versioned<ReferralView> create(UUID studentId, CreateReferralRequest request, String idempotencyKey) {
        Student student = studentScope.require(studentId);
        audit.object("referral", null).student(student.id);
        String hash = null;
        if (idempotencyKey != null) {
            hash = hash(student.id, request);
            em().createQuery("delete from IdempotencyKey k where k.expiresAt < :now").setParameter("now", Instant.now()).executeUpdate();
            IdempotencyKey known = em().find(IdempotencyKey.class, new IdempotencyKey.Key(caller.subject(), idempotencyKey));
            if (known != null) {
                if (!known.requestHash.equals(hash)) {
                    throw ApiException.unprocessable("This Idempotency-Key was already used with a different request",
                            List.of(Violation.atParameter("Idempotency-Key", "was used with a different request; use a new key")));
                }
                Referral first = referrals.findById(known.referralId);
                audit.object("referral", first.id);
                return new Versioned<>(view(first, ActorSide.SCHOOL), first.version, true);
            }
        }
        Referral referral = new Referral(student, serviceEntity(request.serviceId()), caller.subject());
        apply(referral, request);
        referral.followUpDue = FollowUp.due(ReferralStatus.DRAFT, today(), settings);
        referrals.persist(referral);
        if (idempotencyKey != null) {
            em().persist(new IdempotencyKey(caller.subject(), idempotencyKey, hash, referral.id,
                    Instant.now().plus(settings.idempotencyKeyHours(), ChronoUnit.HOURS)));
        }
        try {
            referrals.flush();
        } catch (PersistenceException e) {
            throw ApiException.conflict("Another request with this Idempotency-Key is being processed; retry it");
        }
        audit.object("referral", referral.id);
        return Versioned.of(view(referral, ActorSide.SCHOOL), referral.version);
    }

    /**
     * Updates a draft with a JSON merge patch (RFC 7396): members present replace the draft's,
     * {@code null} clears an optional member, absent members stay. The merged draft is validated
     * as a whole, as a creation would be.
     */
    @Transactional
    public Versioned<ReferralView> patchDraft(UUID id, String ifMatch, JsonNode patch) {
        Referral referral = requireForSchool(id);
        ETags.requireMatch(ifMatch, referral.version);
        if (referral.status != ReferralStatus.DRAFT) {
            throw new ApiException(ProblemKind.CONFLICT, "Only a draft can be edited; this referral is " + referral.status.code(),
                    List.of(), Map.of("currentStatus", referral.status.code()));
        }
        if (patch == null || !patch.isObject()) {
            throw ApiException.invalid(List.of(Violation.atPointer("", "the body must be a JSON object (a merge patch)")));
        }
        ObjectNode merged = mapper.valueToTree(form(referral));
        Set<String> fields = new LinkedHashSet<>();
        merged.fieldNames().forEachRemaining(fields::add);
        List<Violation> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                unknown.add(Violation.atPointer("/" + f, "is not a field of a referral draft"));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
        mergePatch(merged, patch);
        CreateReferralRequest form;
        try {
            form = mapper.treeToValue(merged, CreateReferralRequest.class);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(List.of(Violation.atPointer("", "the merged draft is not valid: " + e.getOriginalMessage())));
        }
        Set<ConstraintViolation<CreateReferralRequest>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> Violation.atPointer(pointer(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::pointer)).toList());
        }
        if (!form.serviceId().equals(referral.service.id)) {
            referral.service = serviceEntity(form.serviceId());
            referral.organizationId = referral.service.organization.id;
        }
        apply(referral, form);
        referrals.flush();
        return Versioned.of(view(referral, ActorSide.SCHOOL), referral.version);
    }

    // ---- the workflow ----------------------------------------------------------------------------

    /**
     * Sends a draft to the provider (draft → requested): the consent gate, then the disclosure
     * entry, in this one transaction.
     */
    @Transactional
    public Versioned<ReferralView> send(UUID id, String ifMatch, String note) {
        Referral referral = requireForSchool(id);
        ETags.requireMatch(ifMatch, referral.version);
        requireMove(referral, ActorSide.SCHOOL, ReferralStatus.REQUESTED);
        LocalDate today = today();
        List<Violation> missing = new ArrayList<>();
        ServiceRef service = directory.service(referral.service.id).orElseThrow();
        if (!service.acceptsReferrals() || !"active".equals(service.status())) {
            missing.add(Violation.atPointer("/serviceId", "the service '" + service.serviceName() + "' does not take referrals now"));
        }
        if (referral.emergency) {
            audit.purpose("health-or-safety-emergency");
        } else if (referral.consent == null) {
            missing.add(Violation.atPointer("/consentId", "no consent is named: name a consent that covers organization "
                    + referral.organizationId + ", purpose '" + referral.purpose + "' and categories " + referral.sharedCategories
                    + ", or use the health-or-safety emergency exception"));
        } else {
            for (Consent.Gap gap : referral.consent.gaps(today, referral.organizationId, referral.purpose, referral.sharedCategories)) {
                missing.add(Violation.atPointer("/" + gap.field(), gap.message()));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("The referral cannot be sent: " + missing.size()
                    + " requirement(s) for disclosing student data are not met", missing);
        }
        Instant now = Instant.now();
        em().persist(referral.moveTo(ReferralStatus.REQUESTED, ActorSide.SCHOOL, caller.subject(), now, null, null, null, note));
        referral.followUpDue = FollowUp.due(ReferralStatus.REQUESTED, today, settings);

        Disclosure entry = new Disclosure(referral.student.id, referral.id, referral.organizationId, service.organizationName());
        entry.legitimateInterest = referral.purpose;
        entry.legitimateInterestText = referral.consent == null ? null : referral.consent.purposeText;
        entry.dataCategories = List.copyOf(referral.sharedCategories);
        entry.basis = referral.emergency ? Disclosure.EMERGENCY : Disclosure.CONSENT;
        entry.consentId = referral.emergency || referral.consent == null ? null : referral.consent.id;
        entry.threat = referral.emergency ? referral.emergencyThreat : null;
        entry.partiesInformed = referral.emergency ? referral.emergencyPartiesInformed : null;
        entry.disclosedAt = now;
        entry.official = caller.subject();
        disclosures.record(entry);
        audit.purpose(referral.basis());
        referrals.flush();
        return Versioned.of(view(referral, ActorSide.SCHOOL), referral.version);
    }

    /** Any other move, by the school (coordinators) or by the provider the referral is addressed to. */
    @Transactional
    public Versioned<Object> transition(UUID id, String ifMatch, TransitionRequest request) {
        ActorSide side = side();
        Referral referral = side == ActorSide.PROVIDER ? requireForProvider(id) : requireForSchool(id);
        ReferralStatus target = ReferralStatus.fromCode(request.to());
        if (target == ReferralStatus.REQUESTED) {
            throw ApiException.unprocessable("Sending discloses student data and has its own operation",
                    List.of(Violation.atPointer("/to", "send a draft with POST /api/v1/referrals/" + id + "/send")));
        }
        ETags.requireMatch(ifMatch, referral.version);
        requireMove(referral, side, target);
        List<Violation> missing = new ArrayList<>();
        for (ReferralStatus.Missing m : target.check(request.reasonCode(), request.reasonText(), request.firstServiceOn())) {
            missing.add(Violation.atPointer("/" + m.field(), m.message()));
        }
        LocalDate today = today();
        if (request.firstServiceOn() != null && request.firstServiceOn().isAfter(today)) {
            missing.add(Violation.atPointer("/firstServiceOn", "must not be in the future"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("The move to '" + target.code() + "' is missing what it must carry", missing);
        }
        em().persist(referral.moveTo(target, side, caller.subject(), Instant.now(), request.reasonCode(),
                request.reasonText(), target == ReferralStatus.IN_PROGRESS ? request.firstServiceOn() : null, request.note()));
        LocalDate from = target == ReferralStatus.IN_PROGRESS && request.firstServiceOn() != null ? request.firstServiceOn() : today;
        referral.followUpDue = FollowUp.due(target, from, settings);
        referrals.flush();
        Object body = side == ActorSide.PROVIDER ? providerView(referral) : view(referral, side);
        return Versioned.of(body, referral.version);
    }

    /** A rejected referral → a new draft to another service, linked both ways. */
    @Transactional
    public Versioned<ReferralView> reroute(UUID id, String ifMatch, RerouteRequest request) {
        Referral rejected = requireForSchool(id);
        ETags.requireMatch(ifMatch, rejected.version);
        if (rejected.status != ReferralStatus.REJECTED) {
            throw new ApiException(ProblemKind.CONFLICT, "Only a rejected referral can be re-routed; this one is "
                    + rejected.status.code(), List.of(), Map.of("currentStatus", rejected.status.code()));
        }
        if (rejected.reroutedToId != null) {
            throw new ApiException(ProblemKind.CONFLICT, "This referral was already re-routed to " + rejected.reroutedToId,
                    List.of(), Map.of("reroutedToId", rejected.reroutedToId.toString()));
        }
        if (request.serviceId().equals(rejected.service.id)) {
            throw ApiException.unprocessable("Re-route to another service",
                    List.of(Violation.atPointer("/serviceId", "is the service that rejected the referral")));
        }
        Referral next = new Referral(rejected.student, serviceEntity(request.serviceId()), caller.subject());
        next.purpose = rejected.purpose;
        next.reasonCodes = List.copyOf(rejected.reasonCodes);
        next.reasonText = rejected.reasonText;
        next.urgency = rejected.urgency;
        next.sharedCategories = List.copyOf(rejected.sharedCategories);
        next.internalNotes = rejected.internalNotes;
        next.sharedNotes = request.sharedNotes() != null ? request.sharedNotes() : rejected.sharedNotes;
        next.familyContactIds = new LinkedHashSet<>(rejected.familyContactIds);
        next.consent = rejected.consent;
        next.emergency = rejected.emergency;
        next.emergencyThreat = rejected.emergencyThreat;
        next.emergencyPartiesInformed = rejected.emergencyPartiesInformed;
        next.reroutedFromId = rejected.id;
        next.followUpDue = FollowUp.due(ReferralStatus.DRAFT, today(), settings);
        referrals.persist(next);
        referrals.flush();
        rejected.reroutedToId = next.id;
        referrals.flush();
        audit.object("referral", next.id);
        return Versioned.of(view(next, ActorSide.SCHOOL), next.version);
    }

    // ---- reads -----------------------------------------------------------------------------------

    @Transactional
    public Versioned<ReferralView> get(UUID id) {
        Referral referral = requireForSchool(id);
        return Versioned.of(view(referral, side()), referral.version);
    }

    /**
     * The follow-through list: by default the open referrals of the caller's schools, overdue ones
     * first, then by follow-up date; or those in one status.
     */
    @Transactional
    public Page<ReferralListItem> list(String status, UUID studentId, PageRequest page) {
        Set<UUID> schools = schoolScope.visibleSchoolIds();
        if (schools.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        LocalDate today = today();
        List<ReferralStatus> statuses = status == null ? OPEN : List.of(ReferralStatus.fromCode(status));
        String where = "schoolId in :schools and status in :statuses" + (studentId == null ? "" : " and student.id = :student");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", schools);
        params.put("statuses", statuses);
        if (studentId != null) {
            params.put("student", studentId);
        }
        long total = referrals.count(where, params);
        params.put("today", today);
        List<ReferralListItem> items = referrals.find(where + " order by case when followUpDue < :today then 0 else 1 end, "
                        + "followUpDue asc nulls last, id", params)
                .page(page.page() - 1, page.size()).list().stream().map(r -> ReferralListItem.from(r, today)).toList();
        return Page.of(items, page, total);
    }

    // ---- the provider's queue --------------------------------------------------------------------

    @Transactional
    public Page<ProviderReferralView> providerQueue(PageRequest page) {
        UUID organization = caller.organizationId().orElse(null);
        if (organization == null) {
            return Page.of(List.of(), page, 0);
        }
        String where = "organizationId = ?1 and requestedAt is not null";
        long total = referrals.count(where, organization);
        List<Referral> found = referrals.find(where + " order by case when status in ?2 then 0 else 1 end, followUpDue asc nulls last, id",
                organization, OPEN).page(page.page() - 1, page.size()).list();
        audit.object("provider-referral-queue", organization).students(found.stream().map(r -> r.student.id).toList());
        return Page.of(found.stream().map(this::providerView).toList(), page, total);
    }

    @Transactional
    public Versioned<ProviderReferralView> providerGet(UUID id) {
        Referral referral = requireForProvider(id);
        return Versioned.of(providerView(referral), referral.version);
    }

    // ---- the form lookup -------------------------------------------------------------------------

    @Transactional
    public ReferralFormLookup lookup(UUID studentId, UUID serviceId) {
        List<ReferralFormLookup.ConsentOption> options = List.of();
        List<ReferralFormLookup.ContactOption> contacts = List.of();
        UUID organizationId = null;
        if (serviceId != null) {
            organizationId = directory.service(serviceId).map(ServiceRef::organizationId)
                    .orElseThrow(() -> ApiException.invalid(List.of(Violation.atParameter("serviceId", "no such service"))));
        }
        if (studentId != null) {
            Student student = studentScope.require(studentId);
            audit.object("referral-form", student.id).student(student.id);
            options = consents.inForceFor(student.id, organizationId).stream().map(ReferralFormLookup.ConsentOption::from).toList();
            contacts = em().createQuery("select sc from StudentContact sc where sc.student.id = :s order by sc.contact.familyName, sc.contact.id",
                            StudentContact.class).setParameter("s", student.id).setMaxResults(20).getResultList()
                    .stream().map(ReferralFormLookup.ContactOption::from).toList();
        }
        return ReferralFormLookup.of(options, contacts);
    }

    // ---- FHIR ------------------------------------------------------------------------------------

    @Transactional
    public FhirReferral fhir(UUID id) {
        ActorSide side = side();
        Referral referral = side == ActorSide.PROVIDER ? requireForProvider(id) : requireForSchool(id);
        return FhirReferral.of(referral, side == ActorSide.SCHOOL);
    }

    // ---- consents relied on ----------------------------------------------------------------------

    @Override
    @Transactional
    public List<UUID> flagOpenRelyingOn(UUID consentId) {
        List<Referral> relying = referrals.list("consent.id = ?1 and status in ?2 order by id", consentId, OPEN);
        relying.forEach(r -> r.consentRevoked = true);
        return relying.stream().map(r -> r.id).toList();
    }

    @Override
    @Transactional
    public List<UUID> openRelyingOn(UUID consentId) {
        return referrals.find("consent.id = ?1 and status in ?2 order by id", consentId, OPEN).page(0, 1000)
                .list().stream().map(r -> r.id).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The side the caller acts for: providers for their organization, everyone else for the school. */
    ActorSide side() {
        return caller.isProvider() && !caller.isCoordinator() ? ActorSide.PROVIDER : ActorSide.SCHOOL;
    }

    /** A referral of a school the caller may see; 404 (and a denial) otherwise. */
    Referral requireForSchool(UUID id) {
        Referral referral = id == null ? null : referrals.findById(id);
        if (referral == null) {
            throw ApiException.notFound("Referral " + id);
        }
        schoolScope.require(referral.schoolId, "Referral " + id);
        audit.object("referral", referral.id).student(referral.student.id).purpose(referral.basis());
        return referral;
    }

    /** A referral sent to the caller's organization; 404 (and a denial) otherwise, drafts included. */
    Referral requireForProvider(UUID id) {
        Referral referral = id == null ? null : referrals.findById(id);
        if (referral == null) {
            throw ApiException.notFound("Referral " + id);
        }
        UUID organization = caller.organizationId().orElse(null);
        if (!referral.organizationId.equals(organization) || referral.requestedAt == null) {
            caller.denied();
            throw ApiException.notFound("Referral " + id);
        }
        audit.object("referral", referral.id).student(referral.student.id).purpose(referral.basis());
        return referral;
    }

    private void requireMove(Referral referral, ActorSide side, ReferralStatus target) {
        if (!referral.status.canMove(side, target)) {
            List<String> allowed = referral.status.allowedFor(side).stream().map(ReferralStatus::code).toList();
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("currentStatus", referral.status.code());
            extensions.put("requestedStatus", target.code());
            extensions.put("allowedStatuses", allowed);
            throw new ApiException(ProblemKind.CONFLICT, "A referral in status '" + referral.status.code()
                    + "' cannot be moved to '" + target.code() + "' by the " + side.code() + "; allowed: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), List.of(), extensions);
        }
    }

    /** Copies a validated form onto a draft, checking what only the database knows. */
    private void apply(Referral referral, CreateReferralRequest form) {
        Student student = referral.student;
        List<Violation> broken = new ArrayList<>();
        if (!ConsentVocabulary.PURPOSES.containsKey(form.purpose())) {
            broken.add(Violation.atPointer("/purpose", "must be one of " + ConsentVocabulary.PURPOSES.keySet()));
        }
        for (int i = 0; i < form.sharedCategories().size(); i++) {
            if (!ConsentVocabulary.DATA_CATEGORIES.containsKey(form.sharedCategories().get(i))) {
                broken.add(Violation.atPointer("/sharedCategories/" + i, "must be one of " + ConsentVocabulary.DATA_CATEGORIES.keySet()));
            }
        }
        if (!form.sharedCategories().contains("identity")) {
            broken.add(Violation.atPointer("/sharedCategories", "must include 'identity': a referral names the student"));
        }
        Set<UUID> contacts = form.familyContactIds() == null ? Set.of() : form.familyContactIds();
        for (UUID contact : contacts) {
            if (em().find(StudentContact.class, new StudentContact.Key(student.id, contact)) == null) {
                broken.add(Violation.atPointer("/familyContactIds", contact + " is not a family contact of this student"));
            }
        }
        Consent consent = null;
        if (form.consentId() != null) {
            consent = consents.ofStudent(form.consentId(), student.id).orElse(null);
            if (consent == null) {
                broken.add(Violation.atPointer("/consentId", "is not a consent on file for this student"));
            }
        }
        if (form.consentId() != null && form.emergency() != null) {
            broken.add(Violation.atPointer("/emergency", "rely on a consent or on the emergency exception, not both"));
        }
        if (!broken.isEmpty()) {
            throw ApiException.unprocessable("The referral draft breaks " + broken.size() + " rule(s)", broken);
        }
        referral.familyContactIds.clear();
        referral.familyContactIds.addAll(contacts);
        referral.reasonCodes = List.copyOf(new LinkedHashSet<>(form.reasonCodes()));
        referral.reasonText = form.reasonText();
        referral.urgency = form.urgency();
        referral.purpose = form.purpose();
        referral.sharedCategories = List.copyOf(new LinkedHashSet<>(form.sharedCategories()));
        referral.internalNotes = form.internalNotes();
        referral.sharedNotes = form.sharedNotes();
        referral.consent = consent;
        referral.emergency = form.emergency() != null;
        referral.emergencyThreat = form.emergency() == null ? null : form.emergency().threat();
        referral.emergencyPartiesInformed = form.emergency() == null ? null : form.emergency().partiesInformed();
    }

    private CreateReferralRequest form(Referral r) {
        return new CreateReferralRequest(r.service.id, new LinkedHashSet<>(r.familyContactIds), r.reasonCodes, r.reasonText,
                r.urgency, r.purpose, r.sharedCategories, r.internalNotes, r.sharedNotes, r.consent == null ? null : r.consent.id,
                r.emergency ? new EmergencyBasis(r.emergencyThreat, r.emergencyPartiesInformed) : null);
    }

    private ProviderService serviceEntity(UUID serviceId) {
        ProviderService service = serviceId == null ? null : em().find(ProviderService.class, serviceId);
        if (service == null) {
            throw ApiException.unprocessable("No such service", List.of(Violation.atPointer("/serviceId", "no such service in the directory")));
        }
        return service;
    }

    private ReferralView view(Referral referral, ActorSide side) {
        List<TransitionView> history = em().createQuery("select t from ReferralTransition t where t.referral.id = :r order by t.at, t.id",
                        ReferralTransition.class).setParameter("r", referral.id).setMaxResults(HISTORY_LIMIT).getResultList()
                .stream().map(TransitionView::from).toList();
        Set<ReferralStatus> allowed = caller.isCoordinator() ? referral.status.allowedFor(side) : Set.of();
        return ReferralView.from(referral, allowed, history, today());
    }

    private ProviderReferralView providerView(Referral referral) {
        List<StudentContact> contacts = referral.familyContactIds.isEmpty() ? List.of()
                : em().createQuery("select sc from StudentContact sc where sc.student.id = :s and sc.contact.id in :c "
                        + "order by sc.contact.familyName, sc.contact.id", StudentContact.class)
                .setParameter("s", referral.student.id).setParameter("c", referral.familyContactIds).getResultList();
        List<String> allowed = referral.status.allowedFor(ActorSide.PROVIDER).stream().map(ReferralStatus::code).toList();
        return ProviderReferralView.from(referral, allowed, contacts, today());
    }

    private String hash(UUID studentId, CreateReferralRequest request) {
        try {
            byte[] body = (studentId + ":" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.putNull(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(member.getKey(), value);
            }
        }
    }

    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }

    static LocalDate today() {
        return LocalDate.now();
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
