package org.studentsupport.school;

import jakarta.enterprise.context.RequestScoped;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.VisibleSchools;

import java.util.Set;
import java.util.UUID;

/**
 * Which schools the caller may see: the one place that turns the caller's scope into school ids.
 * Coordinators see the schools named in their token (within their district); supervisors and
 * administrators see every school of their district; providers see none. The scope filter reads
 * these ids for every query of school-bound data; {@link #require} answers for a school asked for by id.
 */
@RequestScoped
public class SchoolScope implements VisibleSchools {

    private final CallerScope caller;
    private final SchoolRepository schools;
    private Set<UUID> visible;

    public SchoolScope(CallerScope caller, SchoolRepository schools) {
        this.caller = caller;
        this.schools = schools;
    }

    /** The ids of every school the caller may see; empty when none. */
    @Override
    public Set<UUID> visibleSchoolIds() {
        if (visible == null) {
            visible = resolve();
        }
        return visible;
    }

    public boolean canSee(UUID schoolId) {
        return schoolId != null && visibleSchoolIds().contains(schoolId);
    }

    /**
     * Fails with 404, exactly as if the object did not exist, when the school is outside the scope.
     *
     * @param what how the 404 names the object asked for
     */
    public void require(UUID schoolId, String what) {
        if (!canSee(schoolId)) {
            caller.denied();
            throw new NotFoundException(what);
        }
    }

    private Set<UUID> resolve() {
        String district = caller.districtId().orElse(null);
        if (district == null) {
            return Set.of();
        }
        if (caller.isDistrictWide()) {
            return Set.copyOf(schools.idsInDistrict(district, null));
        }
        if (caller.isCoordinator()) {
            return Set.copyOf(schools.idsInDistrict(district, caller.schoolIds()));
        }
        return Set.of();
    }
}
