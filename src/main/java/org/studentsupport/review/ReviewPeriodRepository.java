package org.studentsupport.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReviewPeriodRepository implements PanacheRepositoryBase<ReviewPeriod, UUID> {

    private static final Sort ORDER = Sort.by("startDate").and("name").and("id");

    public List<ReviewPeriod> pageInDistrict(String district, UUID schoolYearId, int offset, int size) {
        return find(where(schoolYearId), ORDER, params(district, schoolYearId)).range(offset, offset + size - 1).list();
    }

    public long countInDistrict(String district, UUID schoolYearId) {
        return count(where(schoolYearId), params(district, schoolYearId));
    }

    public Optional<ReviewPeriod> findByName(UUID districtId, String name) {
        return find("district.id = ?1 and name = ?2", districtId, name).firstResultOptional();
    }

    /** The periods of a kind in a school year, earliest first. */
    public List<ReviewPeriod> ofKind(UUID schoolYearId, String kind) {
        return list("schoolYear.id = ?1 and kind = ?2", ORDER, schoolYearId, kind);
    }

    /** The district's period that starts latest before this one starts. */
    public Optional<ReviewPeriod> previous(ReviewPeriod period) {
        return find("district.id = ?1 and startDate < ?2 order by startDate desc, name, id", period.district.id, period.startDate)
                .firstResultOptional();
    }

    private static String where(UUID schoolYearId) {
        return "district.sourcedId = :district" + (schoolYearId == null ? "" : " and schoolYear.id = :year");
    }

    private static Parameters params(String district, UUID schoolYearId) {
        Parameters p = Parameters.with("district", district);
        return schoolYearId == null ? p : p.and("year", schoolYearId);
    }
}
