package org.studentsupport.school;

import jakarta.enterprise.context.RequestScoped;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.ApiException;

import java.util.Set;
import java.util.UUID;

/**
 * Which schools the caller may see: the one place that turns the caller's scope into school ids.
 * Coordinators see the schools named in their token (within their district); supervisors and
 * administrators see every school of their district; providers see none. Every feature that holds
 * school-bound data asks this, for queries and for single objects alike.
 */
@RequestScoped
public class SchoolScope {

    private final CallerScope caller;
    private final SchoolRepository schools;
    private Set<UUID> visible;

    public SchoolScope(CallerScope caller, SchoolRepository schools) {
        this.caller = caller;
        this.schools = schools;
    }

    /** The ids of every school the caller may see; empty when none. */
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
            throw ApiException.notFound(what);
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
