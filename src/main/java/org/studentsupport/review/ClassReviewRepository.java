package org.studentsupport.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Whole-class reviews with their entries, domains and amendments. */
@ApplicationScoped
public class ClassReviewRepository implements PanacheRepositoryBase<ClassReview, UUID> {

    public Optional<ClassReview> findFor(UUID classId, UUID periodId) {
        return find("classId = ?1 and period.id = ?2", classId, periodId).firstResultOptional();
    }

    public Map<ClassReviewEntry, List<ClassReviewDomain>> withDomains(List<ClassReviewEntry> entries) {
        Map<ClassReviewEntry, List<ClassReviewDomain>> result = new LinkedHashMap<>();
        Map<UUID, ClassReviewEntry> byId = new LinkedHashMap<>();
        for (ClassReviewEntry entry : entries) {
            result.put(entry, new java.util.ArrayList<>());
            byId.put(entry.id, entry);
        }
        if (!byId.isEmpty()) {
            em().createQuery("from ClassReviewDomain d where d.entryId in :ids", ClassReviewDomain.class)
                    .setParameter("ids", byId.keySet()).getResultList()
                    .forEach(d -> result.get(byId.get(d.entryId)).add(d));
        }
        return result;
    }

    /**
     * Writes a whole class's entries and domains as two JDBC batches, bypassing the persistence
     * context: a draft save writes ~150 rows that nothing in the request reads back as entities.
     */
    public void insertAll(List<ClassReviewEntry> entries, List<ClassReviewDomain> domains) {
        em().flush();
        em().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO class_review_entry (id, review_id, student_id, tier, interests, needs_individual_review, "
                            + "position, current, amendment_id, superseded_by, carried_forward) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
                for (ClassReviewEntry e : entries) {
                    insert.setObject(1, e.id);
                    insert.setObject(2, e.reviewId);
                    insert.setObject(3, e.studentId);
                    insert.setString(4, e.tier);
                    insert.setString(5, e.interests);
                    insert.setBoolean(6, e.needsIndividualReview);
                    insert.setInt(7, e.position);
                    insert.setBoolean(8, e.current);
                    insert.setObject(9, e.amendmentId);
                    insert.setBoolean(10, e.carriedForward);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO class_review_domain (id, entry_id, domain, strengths, needs, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ClassReviewDomain d : domains) {
                    insert.setObject(1, d.id);
                    insert.setObject(2, d.entryId);
                    insert.setString(3, d.domain);
                    insert.setString(4, d.strengths);
                    insert.setString(5, d.needs);
                    insert.setString(6, d.note);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The students of {@code students} that already have a current entry in another review of the
     * period: student id → [review id, class id].
     */
    public java.util.Map<UUID, UUID[]> reviewedElsewhere(UUID periodId, UUID reviewId, java.util.Collection<UUID> students) {
        java.util.Map<UUID, UUID[]> found = new java.util.LinkedHashMap<>();
        if (students.isEmpty()) {
            return found;
        }
        em().createQuery("select e.studentId, r.id, r.classId from ClassReviewEntry e, ClassReview r where e.reviewId = r.id"
                        + " and r.period.id = :p and r.id <> :self and e.current = true and e.studentId in :s order by r.id",
                        Object[].class)
                .setParameter("p", periodId).setParameter("self", reviewId == null ? new UUID(0, 0) : reviewId)
                .setParameter("s", students).getResultList()
                .forEach(row -> found.putIfAbsent((UUID) row[0], new UUID[]{(UUID) row[1], (UUID) row[2]}));
        return found;
    }

    /** The students whose current entry in a review is still marked as carried forward. */
    public Set<UUID> carriedForwardStudents(UUID reviewId) {
        return new HashSet<>(em().createQuery("select e.studentId from ClassReviewEntry e where e.reviewId = :r "
                + "and e.current = true and e.carriedForward = true", UUID.class).setParameter("r", reviewId).getResultList());
    }

    /**
     * Per student, the current entry (with its domains) in a finalized review of a period: the one
     * that counts under the once-per-period rule.
     */
    public Map<UUID, Map.Entry<ClassReviewEntry, List<ClassReviewDomain>>> finalEntriesOf(UUID periodId, Collection<UUID> students) {
        Map<UUID, Map.Entry<ClassReviewEntry, List<ClassReviewDomain>>> found = new LinkedHashMap<>();
        if (students.isEmpty()) {
            return found;
        }
        List<ClassReviewEntry> entries = em().createQuery("select e from ClassReviewEntry e, ClassReview r where e.reviewId = r.id "
                        + "and r.period.id = :p and r.status = 'final' and e.current = true and e.secondInPeriod = false "
                        + "and e.studentId in :s order by r.createdAt, r.id", ClassReviewEntry.class)
                .setParameter("p", periodId).setParameter("s", students).getResultList();
        withDomains(entries).forEach((entry, domains) -> found.putIfAbsent(entry.studentId, Map.entry(entry, domains)));
        return found;
    }

    /**
     * The current entries of a review in saved order, each with its domains, read as plain rows in one
     * query (nothing managed, no scope-filter subqueries): for a review already found in scope.
     */
    @SuppressWarnings("unchecked")
    public Map<ClassReviewEntry, List<ClassReviewDomain>> currentRows(UUID reviewId) {
        List<Object[]> rows = em().createNativeQuery("SELECT e.id, e.student_id, e.tier, e.interests, e.needs_individual_review,"
                        + " e.position, e.carried_forward, d.domain, d.strengths, d.needs, d.note"
                        + " FROM class_review_entry e LEFT JOIN class_review_domain d ON d.entry_id = e.id"
                        + " WHERE e.review_id = ?1 AND e.current ORDER BY e.position, e.id, d.domain")
                .setParameter(1, reviewId).getResultList();
        Map<UUID, ClassReviewEntry> entries = new LinkedHashMap<>();
        Map<ClassReviewEntry, List<ClassReviewDomain>> result = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ClassReviewEntry entry = entries.computeIfAbsent((UUID) row[0], id -> {
                ClassReviewEntry e = new ClassReviewEntry(reviewId, (UUID) row[1], ((Number) row[5]).intValue());
                e.id = id;
                e.tier = (String) row[2];
                e.interests = (String) row[3];
                e.needsIndividualReview = (Boolean) row[4];
                e.carriedForward = (Boolean) row[6];
                result.put(e, new java.util.ArrayList<>());
                return e;
            });
            if (row[7] != null) {
                result.get(entry).add(ClassReviewDomain.stored(entry.id, (String) row[7], (String) row[8], (String) row[9], (String) row[10]));
            }
        }
        return result;
    }

    /**
     * The entries of a draft as stored, per student: each entry's id and its {@link ReviewEntries#fingerprint},
     * for a save to rewrite only what changed.
     */
    public Map<UUID, StoredEntry> draftEntries(UUID reviewId) {
        Map<UUID, StoredEntry> byStudent = new LinkedHashMap<>();
        currentRows(reviewId).forEach((entry, domains) -> byStudent.put(entry.studentId,
                new StoredEntry(entry.id, ReviewEntries.fingerprint(entry, domains))));
        return byStudent;
    }

    /** A stored entry of a draft: its id and what it says. */
    public record StoredEntry(UUID id, String fingerprint) {
    }

    /** Removes some entries of a draft (their domains go with them, ON DELETE CASCADE). */
    public void deleteEntries(UUID reviewId, Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        em().createNativeQuery("DELETE FROM class_review_entry WHERE review_id = ?1 AND id = ANY(?2)")
                .setParameter(1, reviewId).setParameter(2, entryIds.toArray(UUID[]::new)).executeUpdate();
    }

    /** Retires the current entries of some students, recording the amendment that replaces them. */
    public void supersede(UUID reviewId, Collection<UUID> studentIds, UUID amendmentId) {
        em().createQuery("update ClassReviewEntry e set e.current = false, e.supersededBy = :a "
                        + "where e.reviewId = :r and e.current = true and e.studentId in :s")
                .setParameter("a", amendmentId).setParameter("r", reviewId).setParameter("s", studentIds).executeUpdate();
    }

    /** Students enrolled in a class on a date. */
    public Set<UUID> enrolledOn(UUID classId, LocalDate day) {
        // the class was found in scope; its enrollments are of its school
        @SuppressWarnings("unchecked")
        List<UUID> ids = em().createNativeQuery("SELECT student_id FROM enrollment WHERE class_id = ?1"
                        + " AND (begin_date IS NULL OR begin_date <= ?2) AND (end_date IS NULL OR end_date >= ?2)", UUID.class)
                .setParameter(1, classId).setParameter(2, day).getResultList();
        return new HashSet<>(ids);
    }

    public List<ClassReviewAmendment> amendments(UUID reviewId, int offset, int size) {
        return em().createQuery("from ClassReviewAmendment a where a.reviewId = :r order by a.amendedAt, a.id",
                        ClassReviewAmendment.class)
                .setParameter("r", reviewId).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long countAmendments(UUID reviewId) {
        return em().createQuery("select count(a) from ClassReviewAmendment a where a.reviewId = :r", Long.class)
                .setParameter("r", reviewId).getSingleResult();
    }

    /** The entries an amendment wrote and the ones it replaced. */
    public List<ClassReviewEntry> entriesOfAmendment(UUID amendmentId) {
        return em().createQuery("from ClassReviewEntry e where e.amendmentId = :a or e.supersededBy = :a "
                        + "order by e.position, e.id", ClassReviewEntry.class)
                .setParameter("a", amendmentId).getResultList();
    }

    private EntityManager em() {
        return getEntityManager();
    }
}
