package org.studentsupport.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.roster.ClassSection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every whole-class review entry of one student, current and replaced, with tiers and codes in words
 * (the tier scale's labels, the code list's labels): the review part of the student's record.
 * Only reviews of classes the caller may see are read (the scope filter on the review).
 */
@ApplicationScoped
public class StudentReviewHistory {

    /** One entry of one review, as a family reads it. */
    public record Entry(String periodName, LocalDate periodStart, LocalDate periodEnd, String className, LocalDate reviewedOn,
                        String reviewStatus, Instant finalizedAt, String tier, String tierLabel, String interests,
                        boolean needsIndividualReview, boolean current, Amendment amendment, List<DomainNotes> domains) {
    }

    /** The correction that wrote an entry: why, by whom, when. */
    public record Amendment(String reason, String amendedBy, Instant amendedAt) {
    }

    /** Strengths and needs in one domain, as labels of the code list. */
    public record DomainNotes(String domain, List<String> strengths, List<String> needs, String note) {
    }

    private final EntityManager em;
    private final TierScale tiers;
    private final org.studentsupport.vocabulary.VocabularyService vocabulary;

    public StudentReviewHistory(EntityManager em, TierScale tiers, org.studentsupport.vocabulary.VocabularyService vocabulary) {
        this.em = em;
        this.tiers = tiers;
        this.vocabulary = vocabulary;
    }

    @Transactional
    public List<Entry> ofStudent(UUID studentId) {
        List<Object[]> rows = em.createQuery("""
                        select e, r, p, c from ClassReviewEntry e, ClassReview r, ReviewPeriod p, ClassSection c
                        where e.reviewId = r.id and r.period = p and c.id = r.classId and e.studentId = :s
                        order by p.startDate, r.reviewedOn, e.current, e.id""", Object[].class)
                .setParameter("s", studentId).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> entryIds = rows.stream().map(row -> ((ClassReviewEntry) row[0]).id).toList();
        Map<UUID, List<ClassReviewDomain>> domains = new HashMap<>();
        em.createQuery("from ClassReviewDomain d where d.entryId in :ids order by d.domain", ClassReviewDomain.class)
                .setParameter("ids", entryIds).getResultList()
                .forEach(d -> domains.computeIfAbsent(d.entryId, k -> new ArrayList<>()).add(d));
        List<UUID> amendmentIds = rows.stream().map(row -> ((ClassReviewEntry) row[0]).amendmentId)
                .filter(java.util.Objects::nonNull).toList();
        Map<UUID, ClassReviewAmendment> amendments = new HashMap<>();
        if (!amendmentIds.isEmpty()) {
            em.createQuery("from ClassReviewAmendment a where a.id in :ids", ClassReviewAmendment.class)
                    .setParameter("ids", amendmentIds).getResultList().forEach(a -> amendments.put(a.id, a));
        }
        Map<String, String> labels = codeLabels();
        return rows.stream().map(row -> {
            ClassReviewEntry e = (ClassReviewEntry) row[0];
            ClassReview r = (ClassReview) row[1];
            ReviewPeriod p = (ReviewPeriod) row[2];
            ClassSection c = (ClassSection) row[3];
            ClassReviewAmendment a = e.amendmentId == null ? null : amendments.get(e.amendmentId);
            return new Entry(p.name, p.startDate, p.endDate, c.title, r.reviewedOn, r.status, r.finalizedAt, e.tier,
                    tierLabel(e.tier), e.interests, e.needsIndividualReview, e.current,
                    a == null ? null : new Amendment(a.reason, a.amendedBy, a.amendedAt),
                    domains.getOrDefault(e.id, List.of()).stream().map(d -> new DomainNotes(d.domain,
                            d.strengthCodes().stream().map(code -> label(labels, d.domain, code)).toList(),
                            d.needCodes().stream().map(code -> label(labels, d.domain, code)).toList(), d.note)).toList());
        }).toList();
    }

    private String tierLabel(String code) {
        return code == null ? null : tiers.tiers().stream().filter(t -> t.code().equals(code)).map(TierView::label)
                .findFirst().orElse(code);
    }

    /**
     * The code list's labels, keyed {@code domain/code}; retired codes keep theirs, so that old entries
     * (and referral reasons, which use the same codes) still read in words.
     */
    @Transactional
    public Map<String, String> codeLabels() {
        return vocabulary.labels();
    }

    private static String label(Map<String, String> labels, String domain, String code) {
        return labels.getOrDefault(domain + "/" + code, code);
    }
}
