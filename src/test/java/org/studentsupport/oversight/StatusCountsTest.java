package org.studentsupport.oversight;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralStatus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's counts by status are ReferralStatus's sent statuses, member for member. */
class StatusCountsTest {

    @Test
    void oneMemberPerSentStatusInTheVocabularysOrder() {
        List<String> members = new ArrayList<>();
        new ObjectMapper().valueToTree(StatusCounts.of(Map.of())).fieldNames().forEachRemaining(members::add);
        assertEquals(ReferralStatus.codes(ReferralStatus.SENT), members);
    }

    @Test
    void eachCountLandsInItsOwnMember() {
        Map<ReferralStatus, Integer> counts = new EnumMap<>(ReferralStatus.class);
        int n = 1;
        for (ReferralStatus status : ReferralStatus.SENT) {
            counts.put(status, n++);
        }
        StatusCounts byStatus = StatusCounts.of(counts);
        for (ReferralStatus status : ReferralStatus.SENT) {
            assertEquals(counts.get(status), byStatus.count(status), status.code());
        }
        assertEquals(0, StatusCounts.of(Map.of()).count(ReferralStatus.CANCELLED));
    }
}
