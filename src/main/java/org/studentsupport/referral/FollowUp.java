package org.studentsupport.referral;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** When a referral in a status should next be looked at, from the settings. Plain Java. */
public final class FollowUp {

    private FollowUp() {
    }

    /** The follow-up due date of a referral that entered {@code status} on {@code on}; null for final statuses. */
    public static LocalDate due(ReferralStatus status, LocalDate on, ReferralSettings settings) {
        return switch (status) {
            case DRAFT -> on.plusDays(settings.draftDays());
            case REQUESTED -> plusSchoolDays(on, settings.answerSchoolDays());
            case ACCEPTED -> on.plusDays(settings.firstServiceDays());
            case ON_HOLD -> on.plusDays(settings.onHoldReviewDays());
            case IN_PROGRESS -> on.plusDays(settings.inProgressCheckInDays());
            case REJECTED, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR -> null;
        };
    }

    /** The day that is {@code days} school days (Monday to Friday) after {@code from}. */
    public static LocalDate plusSchoolDays(LocalDate from, int days) {
        LocalDate day = from;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }

    public static boolean isOverdue(ReferralStatus status, LocalDate due, LocalDate today) {
        return status.isOpen() && due != null && due.isBefore(today);
    }
}
