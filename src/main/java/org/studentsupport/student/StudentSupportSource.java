package org.studentsupport.student;

import java.util.UUID;

/**
 * Implemented by a feature that has something to show on a student's profile (reviews, plans,
 * referrals). The profile asks every such bean and merges what they return; a source fills only
 * its own parts of the summary and leaves the others as it found them.
 */
public interface StudentSupportSource {

    /**
     * @param studentId a student the caller is already known to be allowed to see
     * @param summary   what the sources before this one contributed
     * @return the summary with this source's parts filled in
     */
    StudentSupportSummary contribute(UUID studentId, StudentSupportSummary summary);
}
