package org.studentsupport.review;

import org.studentsupport.domain.Violation;
import org.studentsupport.vocabulary.CodeKind;
import org.studentsupport.vocabulary.Vocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the entries of a whole-class review must satisfy: each student once and on the class roster,
 * a tier of the scale, strengths from the strengths vocabulary and needs from the needs vocabulary,
 * each of the domain it is recorded in. Plain rules over the tier scale and the vocabulary, so that
 * they can be checked without a database.
 *
 * @param tiers      the codes of the tier scale, in order
 * @param vocabulary the district's needs and strengths
 */
record ReviewEntryRules(List<String> tiers, Vocabulary vocabulary) {

    ReviewEntryRules {
        tiers = List.copyOf(tiers);
    }

    /**
     * Checks every entry; returns one violation per wrong field, pointing into the request body.
     *
     * @param allowedStudents the students the entries may be about
     * @param day             the review day, named in the message about a student not on the roster
     * @param tierRequired    whether an entry without a tier is wrong (it is in a finalized review)
     */
    List<Violation> check(List<ReviewEntryInput> entries, Set<UUID> allowedStudents, LocalDate day, boolean tierRequired) {
        return check(entries, allowedStudents, day, student -> tierRequired);
    }

    /**
     * As {@link #check(List, Set, LocalDate, boolean)}, with the tier required only for some students
     * (in an amendment: those without a current tier, since a tier left out keeps the current one).
     */
    List<Violation> check(List<ReviewEntryInput> entries, Set<UUID> allowedStudents, LocalDate day,
                          java.util.function.Predicate<UUID> tierRequired) {
        List<Violation> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ReviewEntryInput entry = entries.get(i);
            String at = "/entries/" + i;
            if (!allowedStudents.contains(entry.studentId())) {
                violations.add(Violation.atPointer(at + "/studentId",
                        "student " + entry.studentId() + " is not enrolled in this class on " + day));
            } else if (!seen.add(entry.studentId())) {
                violations.add(Violation.atPointer(at + "/studentId",
                        "student " + entry.studentId() + " appears more than once"));
            }
            checkTier(violations, entry, at, tierRequired.test(entry.studentId()));
            checkCodes(violations, entry, at);
        }
        return violations;
    }

    private void checkTier(List<Violation> violations, ReviewEntryInput entry, String at, boolean tierRequired) {
        if (entry.tier() == null ? tierRequired : !tiers.contains(entry.tier())) {
            violations.add(Violation.atPointer(at + "/tier", entry.tier() == null
                    ? "student " + entry.studentId() + ": tier is required in a finalized review"
                    : "student " + entry.studentId() + ": '" + entry.tier() + "' is not a tier of the scale " + tiers));
        }
    }

    private void checkCodes(List<Violation> violations, ReviewEntryInput entry, String at) {
        if (entry.domains() == null) {
            return;
        }
        entry.domains().filled().forEach((domain, input) -> {
            String base = at + "/domains/" + DomainsInput.member(domain);
            checkCodes(violations, entry.studentId(), domain, CodeKind.STRENGTH, input.strengthCodes(), base + "/strengths");
            checkCodes(violations, entry.studentId(), domain, CodeKind.NEED, input.needCodes(), base + "/needs");
        });
    }

    private void checkCodes(List<Violation> violations, UUID student, ReviewDomain domain, CodeKind kind, List<String> values, String at) {
        violations.addAll(vocabulary.check(kind, domain.code(), values, at, "student " + student));
    }
}
