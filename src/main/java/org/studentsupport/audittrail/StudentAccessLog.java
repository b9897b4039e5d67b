package org.studentsupport.audittrail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.audit.AuditEvent;

import java.util.List;
import java.util.UUID;

/**
 * Every audit event that concerns one student, newest first, whoever the actor was (a provider's
 * reads included): the access report of the student's record. The caller has already been shown
 * the student; the audit table itself is not scope-filtered.
 */
@ApplicationScoped
public class StudentAccessLog {

    /** The newest events (at most the limit asked for) and how many there are in all. */
    public record Events(List<AuditEventView> events, long total) {

        public boolean truncated() {
            return total > events.size();
        }
    }

    private final EntityManager em;

    public StudentAccessLog(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Events of(UUID studentId, int limit) {
        String where = " FROM audit_event e WHERE e.student_ids @> ARRAY[CAST(?1 AS uuid)]";
        long total = ((Number) em.createNativeQuery("SELECT count(*)" + where).setParameter(1, studentId.toString())
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<AuditEvent> events = em.createNativeQuery("SELECT e.*" + where + " ORDER BY e.occurred_at DESC, e.id DESC", AuditEvent.class)
                .setParameter(1, studentId.toString()).setMaxResults(limit).getResultList();
        return new Events(events.stream().map(AuditEventView::from).toList(), total);
    }
}
