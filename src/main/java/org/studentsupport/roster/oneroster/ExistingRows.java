package org.studentsupport.roster.oneroster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What the database already holds, for references a delta bundle makes to rows it does not carry. */
public interface ExistingRows {

    /** The kinds of row a reference can point at. */
    enum Kind {
        ORG, SCHOOL, SESSION, COURSE, CLASS, USER, STUDENT, TEACHER, CONTACT
    }

    /** Which of the given sourcedIds exist, as that kind, in the district. */
    Set<String> existing(Kind kind, Collection<String> sourcedIds);

    /** The kinds (bits of {@link RosterIndex}) of existing users among the given sourcedIds. */
    Map<String, Integer> userKinds(Collection<String> sourcedIds);
}
