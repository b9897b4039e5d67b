package org.studentsupport.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Follow-through deadlines and limits of referrals ({@code studentsupport.referral.*}). */
@ConfigMapping(prefix = "studentsupport.referral")
public interface ReferralSettings {

    /** A draft should be sent (or withdrawn) within this many days of being written. */
    @WithDefault("7")
    int draftDays();

    /** The provider should answer within this many school days (Monday to Friday) of the request. */
    @WithDefault("5")
    int answerSchoolDays();

    /** The first service should happen within this many days of acceptance. */
    @WithDefault("14")
    int firstServiceDays();

    /** A referral on hold is reviewed after this many days. */
    @WithDefault("30")
    int onHoldReviewDays();

    /** A referral in progress gets a check-in this many days after the first service (or the last move). */
    @WithDefault("30")
    int inProgressCheckInDays();

    /** How long an Idempotency-Key of a referral creation is remembered. */
    @WithDefault("24")
    int idempotencyKeyHours();
}
