package org.studentsupport.roster;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RosterImportRepository implements PanacheRepositoryBase<RosterImport, UUID> {

    public Optional<RosterImport> findInDistrict(UUID id, String district) {
        return find("id = ?1 and districtSourcedId = ?2", id, district).firstResultOptional();
    }

    public List<RosterImport> pageInDistrict(String district, int offset, int size) {
        return find("districtSourcedId", Sort.descending("createdAt").and("id"), district).range(offset, offset + size - 1).list();
    }

    public long countInDistrict(String district) {
        return count("districtSourcedId", district);
    }

    public List<RosterImportProblem> problems(UUID importId, int offset, int size) {
        return getEntityManager().createQuery("select p from RosterImportProblem p where p.key.importId = :id order by p.key.seq",
                        RosterImportProblem.class)
                .setParameter("id", importId).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long countProblems(UUID importId) {
        return getEntityManager().createQuery("select count(p) from RosterImportProblem p where p.key.importId = :id", Long.class)
                .setParameter("id", importId).getSingleResult();
    }
}
