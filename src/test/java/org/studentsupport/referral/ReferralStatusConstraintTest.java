package org.studentsupport.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check constraints of the referral table and its history, read from pg_constraint, list exactly ReferralStatus's codes. */
@QuarkusTest
class ReferralStatusConstraintTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theStatusColumnAcceptsExactlyTheCodesOfReferralStatus() throws SQLException {
        assertEquals(ReferralStatus.codes(), codes(constraints("referral").get("referral_status_check")));
    }

    @Test
    void aReferralNeverSentIsInAStatusReachableFromDraftWithoutSending() throws SQLException {
        Set<ReferralStatus> unsent = EnumSet.of(ReferralStatus.DRAFT);
        for (ReferralStatus target : ReferralStatus.DRAFT.next()) {
            if (target != ReferralStatus.REQUESTED) {
                unsent.addAll(ReferralStatus.reachableFrom(target));
            }
        }
        assertEquals(ReferralStatus.codes(unsent), codes(constraints("referral").get("referral_basis_before_request")));
    }

    @Test
    void theHistoryNamesOnlyTheCodesOfReferralStatusOnBothSidesOfAMove() throws SQLException {
        Map<String, String> history = constraints("referral_transition");
        assertEquals(ReferralStatus.codes(), codes(history.get("referral_transition_from_status_check")));
        assertEquals(ReferralStatus.codes(), codes(history.get("referral_transition_to_status_check")));
    }

    private Map<String, String> constraints(String table) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                     + " WHERE conrelid = '" + table + "'::regclass AND contype = 'c'")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }

    /** The quoted literals of a constraint's definition, in order. */
    private static List<String> codes(String definition) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'").matcher(String.valueOf(definition));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
