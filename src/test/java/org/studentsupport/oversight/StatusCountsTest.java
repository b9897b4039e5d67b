package org.studentsupport.oversight;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralStatus;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's counts by status are ReferralStatus's sent statuses, member for member. */
class StatusCountsTest {

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        return property == null ? component.getName() : property.value();
    }

    @Test
    void oneMemberPerSentStatusInTheVocabularysOrder() {
        List<String> members = Arrays.stream(StatusCounts.class.getRecordComponents()).map(StatusCountsTest::jsonName).toList();
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
