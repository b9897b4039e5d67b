package org.studentsupport.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NeedMappingRepository implements PanacheRepositoryBase<NeedMapping, UUID> {

    /** The default rows and the district's own (the default alone for null). */
    public List<NeedMapping> visible(UUID district) {
        return find("districtId is null or districtId = :d", Parameters.with("d", district)).list();
    }

    public Optional<NeedMapping> own(UUID district, String needCode) {
        return find("districtId = ?1 and needCode = ?2", district, needCode).firstResultOptional();
    }
}
