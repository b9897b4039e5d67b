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
import jakarta.validation.Validator;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Versioned;
import org.studentsupport.domain.Violation;
import org.studentsupport.security.CallerScope;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.studentsupport.domain.VersionCheck;

/** Drafts: written by the school (safe to repeat with an Idempotency-Key) and changed with a JSON merge patch. */
@ApplicationScoped
public class ReferralDrafts {

    private final ReferralRepository referrals;
    private final ReferralAccess access;
    private final ReferralViews views;
    private final DraftRules rules;
    private final StudentScope studentScope;
    private final CallerScope caller;
    private final ReferralSettings settings;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Validator validator;

    public ReferralDrafts(ReferralRepository referrals, ReferralAccess access, ReferralViews views, DraftRules rules,
                          StudentScope studentScope, CallerScope caller, ReferralSettings settings, AuditTrail audit,
                          ObjectMapper mapper, Validator validator) {
        this.referrals = referrals;
        this.access = access;
        this.views = views;
        this.rules = rules;
        this.studentScope = studentScope;
        this.caller = caller;
        this.settings = settings;
        this.audit = audit;
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Creates a draft. With an Idempotency-Key, a repeat of the same request by the same caller
     * returns the referral the first one created (marked replayed); the same key with another body is a 422.
     */
    @Transactional
    public Versioned<ReferralView> create(UUID studentId, CreateReferralRequest request, String idempotencyKey) {
        Student student = studentScope.require(studentId);
        String hash = idempotencyKey == null ? null : hash(student.id, request);
        if (idempotencyKey != null) {
            Referral first = replay(idempotencyKey, hash);
            if (first != null) {
                audit.object("referral", first.id);
                return Versioned.replayed(views.school(first, ActorSide.SCHOOL), first.version);
            }
        }
        Referral referral = Referral.draft(student, rules.service(request.serviceId()), caller.subject(),
                rules.check(student, request), LocalDate.now(), settings);
        referrals.persist(referral);
        if (idempotencyKey != null) {
            em().persist(new IdempotencyKey(caller.subject(), idempotencyKey, hash, referral.id,
                    Instant.now().plus(settings.idempotencyKeyHours(), ChronoUnit.HOURS)));
        }
        try {
            referrals.flush();
        } catch (PersistenceException e) {
            throw keyTakenMeanwhileOr(e);
        }
        audit.object("referral", referral.id);
        return Versioned.created(views.newDraft(referral), referral.version);
    }

    /**
     * What a failed flush of a new draft means: its Idempotency-Key taken by a request running at the same
     * time (a 409 to retry, which then replays that request's referral), or anything else as it is — a
     * database outage then answers 503, a bug 500.
     */
    static RuntimeException keyTakenMeanwhileOr(PersistenceException failure) {
        return DatabaseOutage.isUniqueViolation(failure)
                ? new ConflictException("Another request with this Idempotency-Key is being processed; retry it")
                : failure;
    }

    /** The referral an earlier request with this key created, or null; 422 when the key came with another body. */
    private Referral replay(String idempotencyKey, String hash) {
        em().createQuery("delete from IdempotencyKey k where k.expiresAt < :now").setParameter("now", Instant.now()).executeUpdate();
        IdempotencyKey known = em().find(IdempotencyKey.class, new IdempotencyKey.Key(caller.subject(), idempotencyKey));
        if (known == null) {
            return null;
        }
        if (!known.requestHash.equals(hash)) {
            throw new RuleBrokenException("This Idempotency-Key was already used with a different request",
                    List.of(Violation.atParameter("Idempotency-Key", "was used with a different request; use a new key")));
        }
        return referrals.findById(known.referralId);
    }

    /**
     * Updates a draft with a JSON merge patch (RFC 7396): members present replace the draft's,
     * {@code null} clears an optional member, absent members stay. The merged draft is validated
     * as a whole, as a creation would be.
     *
     * @param ifMatch gets the current version first and refuses when the caller's copy is stale
     */
    @Transactional
    public Versioned<ReferralView> patchDraft(UUID id, VersionCheck ifMatch, JsonNode patch) {
        Referral referral = access.require(id);
        ifMatch.require(referral.version);
        referral.requireDraft();
        ObjectNode merged = mapper.valueToTree(DraftRules.form(referral));
        List<Violation> unknown = JsonMergePatch.unknownMembers(merged, patch);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        JsonMergePatch.merge(merged, patch);
        CreateReferralRequest form = validForm(merged);
        var service = form.serviceId().equals(referral.service.id) ? null : rules.service(form.serviceId());
        referral.revise(service, rules.check(referral.student, form));
        referrals.flush();
        return Versioned.of(views.school(referral, ActorSide.SCHOOL), referral.version);
    }

    private CreateReferralRequest validForm(ObjectNode merged) {
        CreateReferralRequest form;
        try {
            form = mapper.treeToValue(merged, CreateReferralRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(Violation.atPointer("", "the merged draft is not valid: " + e.getOriginalMessage())));
        }
        Set<ConstraintViolation<CreateReferralRequest>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> Violation.atPointer(JsonMergePatch.pointer(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Violation::pointer)).toList());
        }
        return form;
    }

    private String hash(UUID studentId, CreateReferralRequest request) {
        try {
            byte[] body = (studentId + ":" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
