package org.studentsupport.consent;

import org.studentsupport.domain.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies a consent is written in: the categories of records it lets the school
 * disclose, the purposes, and the classes of parties it may name instead of one organization.
 * Referrals use the same codes, so that the consent gate compares like with like.
 */
public final class ConsentVocabulary {

    /** Data categories and what each covers, in words a parent understands. */
    public static final Map<String, String> DATA_CATEGORIES = ordered(
            // The words say exactly what a disclosure of each category sends (referral.DisclosedData).
            "identity", "the student's first name and last initial",
            "contact", "the family members named on the referral: names, relationship, phone, email, preferred language "
                    + "and preferred contact method",
            "demographics", "the student's grade, language and age",
            "review-needs", "the needs noted in the student's support review",
            "plan", "the student's support plan and goals",
            "attendance", "attendance records",
            "grades", "grades and academic progress",
            "health", "health information held by the school",
            "discipline", "discipline records");

    /** Purposes a consent may name and a referral may state. */
    public static final Map<String, String> PURPOSES = ordered(
            "mentoring", "mentoring",
            "tutoring", "tutoring and academic support",
            "counseling", "counseling and mental-health services",
            "health-services", "health services and screening",
            "family-support", "family assistance and basic needs",
            "enrichment", "after-school, summer, sports and arts programs",
            "crisis-intervention", "crisis and violence intervention");

    /** Classes of parties a consent may name instead of one organization. */
    public static final Map<String, String> RECIPIENT_CLASSES = ordered(
            "community-providers", "any community provider organization in the district's provider directory");

    public static final String CODE_PATTERN = "^[a-z][a-z-]{0,39}$";

    private ConsentVocabulary() {
    }

    public static List<String> unknownCategories(List<String> codes) {
        return codes.stream().filter(c -> !DATA_CATEGORIES.containsKey(c)).toList();
    }

    public static List<String> unknownPurposes(List<String> codes) {
        return codes.stream().filter(c -> !PURPOSES.containsKey(c)).toList();
    }

    /**
     * A violation for each code of a list that is not in the vocabulary, pointing at its position
     * ({@code pointer/index}). Consents and referrals report an unknown code the same way.
     */
    public static List<Violation> unknownCodes(String pointer, List<String> codes, Map<String, String> vocabulary) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!vocabulary.containsKey(codes.get(i))) {
                unknown.add(Violation.atPointer(pointer + "/" + i, "must be one of " + vocabulary.keySet()));
            }
        }
        return unknown;
    }

    /** A violation when one code is not in the vocabulary, pointing at it; none otherwise. */
    public static List<Violation> unknownCode(String pointer, String code, Map<String, String> vocabulary) {
        return vocabulary.containsKey(code) ? List.of() : List.of(Violation.atPointer(pointer, "must be one of " + vocabulary.keySet()));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
