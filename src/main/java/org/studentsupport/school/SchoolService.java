package org.studentsupport.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.Violation;
import org.studentsupport.security.CallerScope;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SchoolService {

    private final SchoolRepository schools;
    private final DistrictRepository districts;
    private final SchoolScope scope;
    private final CallerScope caller;

    public SchoolService(SchoolRepository schools, DistrictRepository districts, SchoolScope scope, CallerScope caller) {
        this.schools = schools;
        this.districts = districts;
        this.scope = scope;
        this.caller = caller;
    }

    @Transactional
    public Page<School> list(PageRequest page) {
        var visible = scope.visibleSchoolIds();
        return Page.of(schools.pageWithin(visible, page.offset(), page.size()), page, schools.countWithin(visible));
    }

    @Transactional
    public School get(UUID id) {
        scope.require(id, "School " + id);
        return schools.findByIdOptional(id).orElseThrow(() -> new NotFoundException("School " + id));
    }

    /** The caller's district when the token names one that is known here. */
    public java.util.Optional<District> knownCallerDistrict() {
        return caller.districtId().flatMap(districts::findBySourcedId);
    }

    /** The caller's district, which must be known here before anything can be added to it. */
    public District callerDistrict() {
        String districtId = caller.districtId().orElseThrow(() -> new RuleBrokenException(
                "Your account is not assigned to a district", List.of()));
        return districts.findBySourcedId(districtId).orElseThrow(() -> new RuleBrokenException(
                "Your district " + districtId + " is not known here yet; import its roster first",
                List.of(Violation.atParameter("district_id", "unknown district"))));
    }

    @Transactional
    public School create(CreateSchoolRequest request) {
        District district = callerDistrict();
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw new InvalidInputException(List.of(Violation.atPointer(
                    request.latitude() == null ? "/latitude" : "/longitude", "latitude and longitude go together")));
        }
        if (schools.findBySourcedId(request.sourcedId()).isPresent()) {
            throw new ConflictException("A school with sourcedId '" + request.sourcedId() + "' already exists");
        }
        School school = new School(request.sourcedId(), district, request.name());
        school.identifier = request.identifier();
        school.relocate(request.address(), request.latitude(), request.longitude());
        schools.persist(school);
        return school;
    }

    /** Moves a school, when the client's precondition holds for the version read here. */
    @Transactional
    public School relocate(UUID id, VersionCheck ifMatch, UpdateSchoolLocationRequest request) {
        School school = get(id);
        ifMatch.require(school.version);
        school.relocate(request.address(), request.latitude(), request.longitude());
        schools.flush();
        return school;
    }
}
