package org.studentsupport.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, UUID> {

    private static final Sort BY_NAME = Sort.by("name").and("id");

    public Optional<School> findBySourcedId(String sourcedId) {
        return find("sourcedId", sourcedId).firstResultOptional();
    }

    public List<School> pageWithin(Collection<UUID> ids, int offset, int size) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", BY_NAME, ids).range(offset, offset + size - 1).list();
    }

    public long countWithin(Collection<UUID> ids) {
        return ids.isEmpty() ? 0 : count("id in ?1", ids);
    }

    /** The ids of the schools of a district whose sourcedIds are given; all of them when {@code sourcedIds} is null. */
    public List<UUID> idsInDistrict(String districtSourcedId, Collection<String> sourcedIds) {
        if (sourcedIds == null) {
            return getEntityManager().createQuery(
                            "select s.id from School s where s.district.sourcedId = :district", UUID.class)
                    .setParameter("district", districtSourcedId).getResultList();
        }
        if (sourcedIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                        "select s.id from School s where s.district.sourcedId = :district and s.sourcedId in :ids", UUID.class)
                .setParameter("district", districtSourcedId).setParameter("ids", sourcedIds).getResultList();
    }
}
