package org.studentsupport.security;

import java.util.Set;
import java.util.UUID;

/** The ids of the schools the current caller may see; the scope filter reads them through this. */
public interface VisibleSchools {

    Set<UUID> visibleSchoolIds();
}
