package org.studentsupport.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DistrictRepository implements PanacheRepositoryBase<District, UUID> {

    public Optional<District> findBySourcedId(String sourcedId) {
        return find("sourcedId", sourcedId).firstResultOptional();
    }
}
