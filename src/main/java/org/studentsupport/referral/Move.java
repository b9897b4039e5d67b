package org.studentsupport.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One move asked for: by whom, for which side, when, and what it carries (a reason code, a reason in
 * words, the date of the first service, a note). What each target requires is in {@link ReferralStatus#check}.
 */
public record Move(ActorSide side, String actor, Instant at, String reasonCode, String reasonText, LocalDate firstServiceOn,
                   String note) {

    /** A move carrying only a note (sending). */
    public static Move plain(ActorSide side, String actor, Instant at, String note) {
        return new Move(side, actor, at, null, null, null, note);
    }
}
