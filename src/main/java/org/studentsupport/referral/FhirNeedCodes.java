package org.studentsupport.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a need code of the referral becomes FHIR codings: a SNOMED CT finding where the
 * need has a well-known one (the Gravity Project's social-risk findings among them), then always the
 * local code in its own system. Matched on the code's last segment ({@code family.food} and
 * {@code food-security} alike), so that a vocabulary that grows or renames its prefixes keeps working;
 * a need with no standard finding keeps only its local coding.
 */
final class FhirNeedCodes {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOCAL = FhirCodes.LOCAL + "need";

    /** A SNOMED CT finding and its display. */
    record Finding(String code, String display) {
    }

    private static final Map<String, Finding> FINDINGS = Map.of(
            "food", new Finding("733423003", "Food insecurity"),
            "food-security", new Finding("733423003", "Food insecurity"),
            "food-insecurity", new Finding("733423003", "Food insecurity"),
            "housing", new Finding("1156191002", "Housing instability"),
            "housing-instability", new Finding("1156191002", "Housing instability"),
            "anxiety", new Finding("48694002", "Anxiety"));

    private FhirNeedCodes() {
    }

    static Optional<Finding> finding(String needCode) {
        String last = needCode.substring(needCode.lastIndexOf('.') + 1);
        return Optional.ofNullable(FINDINGS.get(last));
    }

    /** The codings of one need: the standard one first when there is one, the local code always. */
    static List<FhirCodes.Code> codings(String needCode) {
        FhirCodes.Code local = new FhirCodes.Code(LOCAL, needCode, null);
        return finding(needCode).map(f -> List.of(new FhirCodes.Code(SNOMED, f.code(), f.display()), local))
                .orElse(List.of(local));
    }
}
