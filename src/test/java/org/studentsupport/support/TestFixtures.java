package org.studentsupport.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.school.Address;
import org.studentsupport.school.District;
import org.studentsupport.school.DistrictRepository;
import org.studentsupport.school.School;
import org.studentsupport.school.SchoolRepository;

import java.util.UUID;

/** Creates the rows a test needs, through the same repositories the service uses. */
@ApplicationScoped
public class TestFixtures {

    private final DistrictRepository districts;
    private final SchoolRepository schools;

    public TestFixtures(DistrictRepository districts, SchoolRepository schools) {
        this.districts = districts;
        this.schools = schools;
    }

    @Transactional
    public District district(String sourcedId) {
        return districts.findBySourcedId(sourcedId).orElseGet(() -> {
            District district = new District(sourcedId, "District " + sourcedId);
            districts.persist(district);
            return district;
        });
    }

    @Transactional
    public UUID school(String districtSourcedId, String sourcedId, String name) {
        return schools.findBySourcedId(sourcedId).map(s -> s.id).orElseGet(() -> {
            School school = new School(sourcedId, district(districtSourcedId), name);
            school.relocate(new Address("1 Main Street", "Riverton", "MA", "01103", "US"), 42.1, -72.6);
            schools.persist(school);
            return school.id;
        });
    }
}
