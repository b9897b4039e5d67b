package org.studentsupport.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.ApiException;
import org.studentsupport.web.ETags;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.web.Problem;

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
        return schools.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("School " + id));
    }

    @Transactional
    public School create(CreateSchoolRequest request) {
        String districtId = caller.districtId().orElseThrow(() -> ApiException.unprocessable(
                "Your account is not assigned to a district", List.of()));
        District district = districts.findBySourcedId(districtId).orElseThrow(() -> ApiException.unprocessable(
                "Your district " + districtId + " is not known here yet; import its roster first",
                List.of(Problem.Violation.atParameter("district_id", "unknown district"))));
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ApiException.invalid(List.of(Problem.Violation.atPointer(
                    request.latitude() == null ? "/latitude" : "/longitude", "latitude and longitude go together")));
        }
        if (schools.findBySourcedId(request.sourcedId()).isPresent()) {
            throw ApiException.conflict("A school with sourcedId '" + request.sourcedId() + "' already exists");
        }
        School school = new School(request.sourcedId(), district, request.name());
        school.identifier = request.identifier();
        school.relocate(request.address(), request.latitude(), request.longitude());
        schools.persist(school);
        return school;
    }

    @Transactional
    public School relocate(UUID id, String ifMatch, UpdateSchoolLocationRequest request) {
        School school = get(id);
        ETags.requireMatch(ifMatch, school.version);
        school.relocate(request.address(), request.latitude(), request.longitude());
        schools.flush();
        return school;
    }
}
