package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.roster.ClassSection;
import org.studentsupport.roster.Teacher;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.ScopedLookup;
import org.studentsupport.vocabulary.VocabularyService;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.Versioned;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whole-class reviews: the draft saved as a whole, finalization, and amendments of a final review.
 * Every write checks all entries first and writes nothing when one is wrong.
 */
@ApplicationScoped
public class ClassReviewService {

    /** The most entries one review (one class) holds. */
    public static final int MAX_ENTRIES = 200;

    private final ClassReviewRepository reviews;
    private final VocabularyService vocabulary;
    private final ReviewPeriodService periods;
    private final TierScale tiers;
    private final ScopedLookup lookup;
    private final CallerScope caller;
    private final AuditTrail audit;
    private final EntityManager em;

    public ClassReviewService(ClassReviewRepository reviews, VocabularyService vocabulary, ReviewPeriodService periods,
                              TierScale tiers, ScopedLookup lookup, CallerScope caller, AuditTrail audit, EntityManager em) {
        this.reviews = reviews;
        this.vocabulary = vocabulary;
        this.periods = periods;
        this.tiers = tiers;
        this.lookup = lookup;
        this.caller = caller;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public Versioned<ClassReviewView> get(UUID classId, UUID periodId) {
        return org.studentsupport.database.ReadOnlyReads.of(em, () -> {
            ClassSection section = classInScope(classId);
            return versioned(existing(section, periods.get(periodId)));
        });
    }

    /**
     * Saves the whole class as a draft: creates it, or replaces every entry of the draft.
     *
     * @param ifMatch the client's precondition, applied when the draft exists already (a first save needs none)
     */
    @Transactional
    public Versioned<ClassReviewView> save(UUID classId, UUID periodId, VersionCheck ifMatch,
                                           SaveClassReviewRequest request) {
        ClassSection section = classInScope(classId);
        ReviewPeriod period = periodOf(section, periodId);
        ClassReview review = reviews.findFor(classId, periodId).orElse(null);
        boolean created = review == null;
        if (!created) {
            ifMatch.require(review.version);
            review.requireDraft();
        }
        // by default the draft's own review day, else today kept within the period (as carry-forward does)
        LocalDate day = request.reviewedOn() != null ? request.reviewedOn()
                : !created && review.reviewedOn != null ? review.reviewedOn : period.referenceDate(LocalDate.now());
        UUID teacher = teacherOf(section, request.teacherId());
        List<Violation> violations = new ArrayList<>(rules(section).check(request.entries(), reviews.enrolledOn(classId, day), day, false));
        violations.addAll(carriedForwardMarks(created ? null : review, request.entries()));
        if (!violations.isEmpty()) {
            throw new RuleBrokenException("The review was not saved: " + violations.size() + " field(s) are wrong",
                    violations);
        }
        requireNotReviewedElsewhere(period, created ? null : review.id,
                request.entries().stream().map(ReviewEntryInput::studentId).toList());
        if (created) {
            review = new ClassReview(classId, period, section.school.id);
            review.saveDraft(caller.subject(), teacher, day);
            reviews.persist(review);
        } else {
            review.saveDraft(caller.subject(), teacher, day);
        }
        List<ReviewEntryView> views;
        try {
            views = writeDraftEntries(review.id, created, request.entries());
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw secondReview(e, period);
        }
        audit.object("class-review", review.id).students(request.entries().stream().map(ReviewEntryInput::studentId).toList());
        // the view is built from what was just written, in the order sent; no need to read it back
        ClassReviewView view = ClassReviewView.from(review, views);
        return created ? Versioned.created(view, review.version) : Versioned.of(view, review.version);
    }

    /**
     * Pre-fills the class's draft in a period from the previous period's final entries: for each
     * student whose reviewing class in this period is this class (the review roster), enrolled in it on
     * the review day, not yet in the draft and not reviewed in another class of the period, the tier
     * and the strength and need codes of the student's current final entry of the previous period
     * (the district's period that starts latest before this one). Notes, interests and the
     * individual-review flag are not carried. Codes no longer usable (retired, or no longer of that
     * kind and domain) and tiers no longer on the scale are dropped and reported. Carried entries are
     * marked carriedForward until a save confirms them. Creates the draft (201) when there is none;
     * adding to an existing draft needs If-Match; a final review is a 409.
     */
    @Transactional
    public Versioned<CarryForwardView> carryForward(UUID classId, UUID periodId, VersionCheck ifMatch, LocalDate today) {
        ClassSection section = classInScope(classId);
        ReviewPeriod period = periodOf(section, periodId);
        ClassReview review = reviews.findFor(classId, periodId).orElse(null);
        boolean created = review == null;
        if (!created) {
            ifMatch.require(review.version);
            review.requireDraft();
        }
        ReviewPeriod previous = periods.previous(period).orElseThrow(() -> new RuleBrokenException(
                "There is no earlier review period to carry forward from",
                List.of(Violation.atParameter("periodId", "is the district's first review period"))));
        LocalDate day = created ? period.referenceDate(today) : review.reviewedOn;
        Map<ClassReviewEntry, List<ClassReviewDomain>> existing = created ? Map.of() : reviews.currentRows(review.id);
        Set<UUID> inDraft = new HashSet<>();
        existing.keySet().forEach(e -> inDraft.add(e.studentId));
        Set<UUID> enrolled = reviews.enrolledOn(classId, day);
        List<UUID> roster = rosterOf(section, period, today);

        List<CarryForwardView.Skipped> skipped = new ArrayList<>();
        List<UUID> candidates = new ArrayList<>();
        for (UUID student : roster) {
            if (inDraft.contains(student)) {
                skipped.add(new CarryForwardView.Skipped(student, "already-in-draft"));
            } else if (!enrolled.contains(student)) {
                skipped.add(new CarryForwardView.Skipped(student, "not-enrolled-on-review-day"));
            } else {
                candidates.add(student);
            }
        }
        Set<UUID> elsewhere = reviews.reviewedElsewhere(period.id, created ? null : review.id, candidates).keySet();
        Map<UUID, Map.Entry<ClassReviewEntry, List<ClassReviewDomain>>> finals = reviews.finalEntriesOf(previous.id,
                candidates.stream().filter(s -> !elsewhere.contains(s)).toList());
        if (created) {
            review = new ClassReview(classId, period, section.school.id);
            review.saveDraft(caller.subject(), teacherOf(section, null), day);
            reviews.persist(review);
        }
        org.studentsupport.vocabulary.Vocabulary codes = vocabulary.of(section.school.district.id);
        int position = existing.keySet().stream().mapToInt(e -> e.position + 1).max().orElse(0);
        List<ClassReviewEntry> rows = new ArrayList<>();
        List<ClassReviewDomain> domainRows = new ArrayList<>();
        List<CarryForwardView.Dropped> dropped = new ArrayList<>();
        List<UUID> carried = new ArrayList<>();
        for (UUID student : candidates) {
            if (elsewhere.contains(student)) {
                skipped.add(new CarryForwardView.Skipped(student, "reviewed-elsewhere"));
                continue;
            }
            Map.Entry<ClassReviewEntry, List<ClassReviewDomain>> before = finals.get(student);
            if (before == null) {
                skipped.add(new CarryForwardView.Skipped(student, "no-previous-final-entry"));
                continue;
            }
            ClassReviewEntry entry = new ClassReviewEntry(review.id, student, position++);
            entry.carriedForward = true;
            entry.tier = before.getKey().tier;
            if (entry.tier != null && !tiers.contains(entry.tier)) {
                dropped.add(new CarryForwardView.Dropped(student, null, "tier", entry.tier, "is no longer a tier of the scale"));
                entry.tier = null;
            }
            for (ClassReviewDomain d : before.getValue()) {
                List<String> strengths = usable(codes, org.studentsupport.vocabulary.CodeKind.STRENGTH, d.domain, d.strengthCodes(), student, dropped);
                List<String> needs = usable(codes, org.studentsupport.vocabulary.CodeKind.NEED, d.domain, d.needCodes(), student, dropped);
                if (!strengths.isEmpty() || !needs.isEmpty()) {
                    ReviewDomain.of(d.domain).ifPresent(domain -> domainRows.add(new ClassReviewDomain(entry.id, domain, strengths, needs, null)));
                }
            }
            rows.add(entry);
            carried.add(student);
        }
        if (!rows.isEmpty() && !created) {
            review.saveDraft(caller.subject(), review.teacherId, review.reviewedOn);
        }
        try {
            reviews.insertAll(rows, domainRows);
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw secondReview(e, period);
        }
        em.clear();
        ClassReview reloaded = reviews.findById(review.id);
        Versioned<ClassReviewView> view = versioned(reloaded);
        audit.object("class-review", review.id).students(roster);
        CarryForwardView result = new CarryForwardView(previous.id, previous.name, view.body(), carried, skipped, dropped);
        return created ? Versioned.created(result, reloaded.version) : Versioned.of(result, reloaded.version);
    }

    /** The codes still usable as {@code kind} in the domain; the others are reported as dropped. */
    private static List<String> usable(org.studentsupport.vocabulary.Vocabulary codes, org.studentsupport.vocabulary.CodeKind kind,
                                       String domain, List<String> values, UUID student, List<CarryForwardView.Dropped> dropped) {
        List<String> kept = new ArrayList<>();
        for (String code : values) {
            List<Violation> wrong = codes.check(kind, domain, List.of(code), "", null);
            if (wrong.isEmpty()) {
                kept.add(code);
            } else {
                dropped.add(new CarryForwardView.Dropped(student, domain, kind.code(), code, wrong.get(0).message()));
            }
        }
        return kept;
    }

    /**
     * The students a review must hold to be finalized: those enrolled in the class on the review day,
     * except students reviewed in another class of the period and students whose reviewing class (on
     * the period's review roster) is another class. Students with no reviewing class stay in.
     */
    private Set<UUID> toReview(ClassSection section, ClassReview review) {
        Set<UUID> enrolled = reviews.enrolledOn(section.id, review.reviewedOn);
        enrolled.removeAll(reviews.reviewedElsewhere(review.period.id, review.id, enrolled).keySet());
        if (!enrolled.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<UUID> elsewhere = ReviewRosterService.bind(em.createNativeQuery(ReviewRosterService.ROSTER
                            + "SELECT student_id FROM roster WHERE class_id IS NOT NULL AND class_id <> :cls"),
                    review.period, section.school.id, review.reviewedOn).setParameter("cls", section.id).getResultList();
            enrolled.removeAll(elsewhere);
        }
        return enrolled;
    }

    /** The students of the period's review roster whose reviewing class is this class, in order of name. */
    private List<UUID> rosterOf(ClassSection section, ReviewPeriod period, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = ReviewRosterService.bind(em.createNativeQuery(ReviewRosterService.ROSTER
                        + "SELECT student_id FROM roster WHERE class_id = :cls ORDER BY family_name, given_name, student_id"),
                period, section.school.id, today).setParameter("cls", section.id).getResultList();
        return ids;
    }

    /**
     * A save may keep an entry marked as carried forward (carriedForward: true) only when the draft
     * holds the student's entry as carried forward; anything else is a 422 at the entry's flag.
     */
    private List<Violation> carriedForwardMarks(ClassReview draft, List<ReviewEntryInput> entries) {
        if (entries.stream().noneMatch(ReviewEntryInput::keepsCarriedForward)) {
            return List.of();
        }
        Set<UUID> marked = draft == null ? Set.of() : reviews.carriedForwardStudents(draft.id);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).keepsCarriedForward() && !marked.contains(entries.get(i).studentId())) {
                violations.add(Violation.atPointer("/entries/" + i + "/carriedForward", "student " + entries.get(i).studentId()
                        + ": only an entry carried forward and not yet confirmed can stay marked"));
            }
        }
        return violations;
    }

    @Transactional
    public Versioned<ClassReviewView> finalizeReview(UUID classId, UUID periodId, VersionCheck ifMatch) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        ifMatch.require(review.version);
        List<ClassReviewEntry> entries = new ArrayList<>(reviews.currentRows(review.id).keySet());
        review.finalizeBy(caller.subject(), entries, toReview(section, review));
        reviews.flush();
        audit.object("class-review", review.id).students(entries.stream().map(e -> e.studentId).toList());
        return versioned(review);
    }

    @Transactional
    public Versioned<ClassReviewView> amend(UUID classId, UUID periodId, VersionCheck ifMatch, AmendClassReviewRequest request) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        ifMatch.require(review.version);
        review.requireFinal();
        Map<UUID, ClassReviewEntry> current = new HashMap<>();
        Map<UUID, List<ClassReviewDomain>> currentDomains = new HashMap<>();
        reviews.currentRows(review.id).forEach((e, domains) -> {
            current.put(e.studentId, e);
            currentDomains.put(e.studentId, domains);
        });
        Set<UUID> amendable = reviews.enrolledOn(classId, review.reviewedOn);
        amendable.addAll(current.keySet());
        // a tier left out keeps the current one; a student the amendment adds needs one
        List<Violation> violations = rules(section).check(request.entries(), amendable, review.reviewedOn,
                student -> current.get(student) == null || current.get(student).tier == null);
        if (!violations.isEmpty()) {
            throw new RuleBrokenException("The amendment was not saved: " + violations.size() + " field(s) are wrong",
                    violations);
        }
        requireNotReviewedElsewhere(review.period, review.id, request.entries().stream().map(ReviewEntryInput::studentId).toList());
        ClassReviewAmendment amendment = new ClassReviewAmendment(review.id, request.reason(), caller.subject());
        em.persist(amendment);
        em.flush();
        List<UUID> students = request.entries().stream().map(ReviewEntryInput::studentId).toList();
        reviews.supersede(review.id, students, amendment.id);
        int next = current.values().stream().mapToInt(e -> e.position + 1).max().orElse(0);
        for (ReviewEntryInput input : request.entries()) {
            ClassReviewEntry old = current.get(input.studentId());
            ReviewEntries.Merged merged = ReviewEntries.merged(review.id, input, old,
                    currentDomains.getOrDefault(input.studentId(), List.of()), old == null ? next++ : old.position, amendment.id);
            em.persist(merged.entry());
            merged.domains().forEach(em::persist);
        }
        review.amended();
        try {
            reviews.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw secondReview(e, review.period);
        }
        em.clear();
        ClassReview reloaded = reviews.findById(review.id);
        audit.object("class-review", review.id).students(students);
        return versioned(reloaded);
    }

    @Transactional
    public Page<AmendmentView> amendments(UUID classId, UUID periodId, PageRequest page) {
        ClassSection section = classInScope(classId);
        ClassReview review = existing(section, periods.get(periodId));
        List<AmendmentView> items = new ArrayList<>();
        Set<UUID> students = new HashSet<>();
        for (ClassReviewAmendment amendment : reviews.amendments(review.id, page.offset(), page.size())) {
            Map<ClassReviewEntry, List<ClassReviewDomain>> entries = reviews.withDomains(reviews.entriesOfAmendment(amendment.id));
            Map<UUID, ReviewEntryView> before = new HashMap<>();
            Map<UUID, ReviewEntryView> after = new java.util.LinkedHashMap<>();
            entries.forEach((entry, domains) -> {
                if (amendment.id.equals(entry.amendmentId)) {
                    after.put(entry.studentId, ReviewEntryView.from(entry, domains));
                } else {
                    before.put(entry.studentId, ReviewEntryView.from(entry, domains));
                }
            });
            List<AmendmentView.Change> changes = after.entrySet().stream()
                    .map(e -> new AmendmentView.Change(e.getKey(), before.get(e.getKey()), e.getValue())).toList();
            students.addAll(after.keySet());
            items.add(new AmendmentView(amendment.id, amendment.reason, amendment.amendedBy, amendment.amendedAt, changes));
        }
        audit.object("class-review", review.id).students(students);
        return Page.of(items, page, reviews.countAmendments(review.id));
    }

    /**
     * Each student is reviewed once per period: a student with an entry in another class's review of
     * the period is a 409 naming that review; nothing is written.
     */
    private void requireNotReviewedElsewhere(ReviewPeriod period, UUID reviewId, List<UUID> students) {
        Map<UUID, UUID[]> elsewhere = reviews.reviewedElsewhere(period.id, reviewId, students);
        if (!elsewhere.isEmpty()) {
            Map.Entry<UUID, UUID[]> first = elsewhere.entrySet().iterator().next();
            throw new org.studentsupport.domain.ConflictException("Student " + first.getKey() + " is already reviewed in period '"
                    + period.name + "' in the review of class " + first.getValue()[1] + " (review " + first.getValue()[0] + ")"
                    + (elsewhere.size() > 1 ? ", and " + (elsewhere.size() - 1) + " more student(s) in other reviews" : "")
                    + "; each student is reviewed once per period",
                    Map.of("existingReviewId", first.getValue()[0], "existingClassId", first.getValue()[1],
                            "studentId", first.getKey(), "studentsReviewedElsewhere", List.copyOf(elsewhere.keySet())));
        }
    }

    /** A save that lost the race with another class's save of the same student: the same 409, never a 500. */
    private RuntimeException secondReview(org.hibernate.exception.ConstraintViolationException e, ReviewPeriod period) {
        if (e.getConstraintName() != null && e.getConstraintName().contains("class_review_entry_once_per_period")) {
            return new org.studentsupport.domain.ConflictException("A student of this save was reviewed in another class of period '"
                    + period.name + "' at the same moment; each student is reviewed once per period. Reload and save again.");
        }
        return e;
    }

    /** The class, when its school is in the caller's scope; 404 otherwise. */
    ClassSection classInScope(UUID classId) {
        return lookup.require(ClassSection.class, classId, "Class " + classId);
    }

    private ReviewPeriod periodOf(ClassSection section, UUID periodId) {
        ReviewPeriod period = periods.get(periodId);
        UUID year = period.schoolYear.id;
        boolean inYear = section.session.id.equals(year)
                || (section.session.parent != null && section.session.parent.id.equals(year));
        if (!inYear) {
            throw new RuleBrokenException("The class does not belong to the period's school year",
                    List.of(Violation.atParameter("periodId", "is a period of another school year than the class")));
        }
        return period;
    }

    private ClassReview existing(ClassSection section, ReviewPeriod period) {
        return reviews.findFor(section.id, period.id).orElseThrow(() ->
                new NotFoundException("Review of class " + section.id + " in period " + period.id));
    }

    private UUID teacherOf(ClassSection section, UUID requested) {
        if (requested != null) {
            if (section.teachers.stream().noneMatch(t -> t.id.equals(requested))) {
                throw new RuleBrokenException("The teacher does not teach this class",
                        List.of(Violation.atPointer("/teacherId", "is not a teacher of the class")));
            }
            return requested;
        }
        return section.teachers.stream()
                .min(Comparator.comparing((Teacher t) -> t.familyName).thenComparing(t -> t.givenName).thenComparing(t -> t.id))
                .map(t -> t.id).orElse(null);
    }

    /**
     * Makes a draft's entries what was sent, in the order sent, and answers their views. An entry
     * that says exactly what is stored (see {@link ReviewEntries#fingerprint}) is kept as it is; the
     * others are replaced and the students no longer sent removed, so that a save of a grid where one
     * student changed writes one entry, not the class.
     */
    private List<ReviewEntryView> writeDraftEntries(UUID reviewId, boolean created, List<ReviewEntryInput> entries) {
        // a new draft has nothing stored: every entry is written
        Map<UUID, ClassReviewRepository.StoredEntry> stored = created ? new HashMap<>() : reviews.draftEntries(reviewId);
        List<UUID> replaced = new ArrayList<>();
        List<ClassReviewEntry> rows = new ArrayList<>();
        List<ClassReviewDomain> domains = new ArrayList<>();
        List<ReviewEntryView> views = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ClassReviewEntry entry = ReviewEntries.entry(reviewId, entries.get(i), i, null);
            List<ClassReviewDomain> own = ReviewEntries.domains(entry.id, entries.get(i));
            views.add(ReviewEntryView.from(entry, own));
            ClassReviewRepository.StoredEntry before = stored.remove(entry.studentId);
            if (before != null && before.fingerprint().equals(ReviewEntries.fingerprint(entry, own))) {
                continue;
            }
            if (before != null) {
                replaced.add(before.id());
            }
            rows.add(entry);
            domains.addAll(own);
        }
        stored.values().forEach(gone -> replaced.add(gone.id()));
        reviews.deleteEntries(reviewId, replaced);
        if (!rows.isEmpty()) {
            reviews.insertAll(rows, domains);
        }
        return views;
    }

    private ReviewEntryRules rules(ClassSection section) {
        return new ReviewEntryRules(tiers.codes(), vocabulary.of(section.school.district.id));
    }

    private Versioned<ClassReviewView> versioned(ClassReview review) {
        List<ReviewEntryView> entries = new ArrayList<>();
        reviews.currentRows(review.id).forEach((entry, domains) -> entries.add(ReviewEntryView.from(entry, domains)));
        audit.object("class-review", review.id).students(entries.stream().map(ReviewEntryView::studentId).toList());
        return Versioned.of(ClassReviewView.from(review, entries), review.version);
    }
}
