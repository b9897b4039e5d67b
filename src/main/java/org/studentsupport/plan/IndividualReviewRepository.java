package org.studentsupport.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IndividualReviewRepository implements PanacheRepositoryBase<IndividualReview, UUID> {

    public List<IndividualReview> pageOfStudent(UUID studentId, int offset, int size) {
        return find("studentId", Sort.descending("openedAt").and("id"), studentId).range(offset, offset + size - 1).list();
    }

    public long countOfStudent(UUID studentId) {
        return count("studentId", studentId);
    }

    public Optional<IndividualReview> openOf(UUID studentId) {
        return find("studentId = ?1 and status = ?2", studentId, IndividualReview.OPEN).firstResultOptional();
    }

    /** The id of the review a planned support belongs to; read from the support's row, without loading the review. */
    public Optional<UUID> reviewOfSupport(UUID supportId) {
        return getEntityManager().createQuery("select s.review.id from PlannedSupport s where s.id = :id", UUID.class)
                .setParameter("id", supportId).getResultStream().findFirst();
    }
}
