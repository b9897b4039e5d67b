package org.studentsupport.oversight;

import org.studentsupport.consent.ConsentVocabulary;

import java.util.List;
import java.util.Map;

/**
 * Codes in the words a family reads. A code without a label here (or in the vocabulary it comes
 * from) reads as itself with its hyphens as spaces, so nothing is ever left out for want of a label.
 */
final class RecordLabels {

    private static final Map<String, String> REFERRAL_STATUSES = Map.ofEntries(
            Map.entry("draft", "Draft, not sent"),
            Map.entry("requested", "Sent to the provider, awaiting an answer"),
            Map.entry("accepted", "Accepted by the provider"),
            Map.entry("rejected", "Declined by the provider"),
            Map.entry("in-progress", "Service under way"),
            Map.entry("on-hold", "On hold"),
            Map.entry("completed", "Completed"),
            Map.entry("failed", "Ended without service"),
            Map.entry("cancelled", "Cancelled"),
            Map.entry("entered-in-error", "Entered in error"));

    private static final Map<String, String> OTHER = Map.ofEntries(
            Map.entry("draft", "Draft"),
            Map.entry("final", "Finalized"),
            Map.entry("academic", "Academic"),
            Map.entry("social-emotional", "Social and emotional"),
            Map.entry("health", "Health"),
            Map.entry("family", "Family"),
            Map.entry("consent", "Written consent of the family"),
            Map.entry("health-or-safety-emergency", "Health or safety emergency"),
            Map.entry("prevention-enrichment", "Prevention and enrichment"),
            Map.entry("early-intervention", "Early intervention"),
            Map.entry("intensive", "Intensive support"));

    private RecordLabels() {
    }

    static String referralStatus(String code) {
        return code == null ? null : REFERRAL_STATUSES.getOrDefault(code, plain(code));
    }

    static String purpose(String code) {
        return code == null ? null : ConsentVocabulary.PURPOSES.getOrDefault(code, plain(code));
    }

    static List<String> categories(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(c -> ConsentVocabulary.DATA_CATEGORIES.getOrDefault(c, plain(c))).toList();
    }

    static List<String> purposes(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(RecordLabels::purpose).toList();
    }

    static String recipientClass(String code) {
        return code == null ? null : ConsentVocabulary.RECIPIENT_CLASSES.getOrDefault(code, plain(code));
    }

    /**
     * A need code as referrals and reviews write it, {@code domain.code} or a bare code, in the words
     * of the review code list ({@code codeLabels} keyed {@code domain/code}).
     */
    static String need(String code, Map<String, String> codeLabels) {
        int dot = code.indexOf('.');
        if (dot > 0) {
            String label = codeLabels.get(code.substring(0, dot) + "/" + code.substring(dot + 1));
            if (label != null) {
                return label;
            }
        }
        return codeLabels.entrySet().stream().filter(e -> e.getKey().endsWith("/" + code)).map(Map.Entry::getValue)
                .findFirst().orElse(plain(code));
    }

    /** Any other code: its label, else the code itself in plain words. */
    static String of(String code) {
        return code == null ? null : OTHER.getOrDefault(code, plain(code));
    }

    static String plain(String code) {
        String words = code.replace('-', ' ').replace('.', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
