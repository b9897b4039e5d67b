package org.studentsupport.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.school.Address;
import org.studentsupport.school.District;
import org.studentsupport.school.DistrictRepository;
import org.studentsupport.school.School;
import org.studentsupport.school.SchoolRepository;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentRepository;

import java.util.UUID;

/** Creates the rows a test needs, through the same repositories the service uses. */
@ApplicationScoped
public class TestFixtures {

    private final DistrictRepository districts;
    private final SchoolRepository schools;
    private final StudentRepository students;

    public TestFixtures(DistrictRepository districts, SchoolRepository schools, StudentRepository students) {
        this.districts = districts;
        this.schools = schools;
        this.students = students;
    }

    @Transactional
    public District district(String sourcedId) {
        return districts.findBySourcedId(sourcedId).orElseGet(() -> {
            District district = new District(sourcedId, "District " + sourcedId);
            districts.persist(district);
            return district;
        });
    }

    /** A student of a school (created with the school when needed), by sourcedId. */
    @Transactional
    public UUID student(String districtSourcedId, String schoolSourcedId, String sourcedId, String givenName, String familyName) {
        return students.findBySourcedId(sourcedId).map(s -> s.id).orElseGet(() -> {
            UUID schoolId = school(districtSourcedId, schoolSourcedId, "School " + schoolSourcedId);
            Student student = new Student(sourcedId, schools.findById(schoolId), givenName, familyName);
            student.grade = "04";
            student.birthDate = java.time.LocalDate.of(2016, 5, 17);
            students.persist(student);
            return student.id;
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
