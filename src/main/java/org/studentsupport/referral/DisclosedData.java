package org.studentsupport.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.studentsupport.student.StudentContact;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a referral discloses to its provider, as a snapshot: exactly the fields of the shared data
 * categories, taken from the student's record at the moment of disclosure and kept with the disclosure
 * entry (FERPA 99.32(a)(1)). The provider's views render from the latest snapshot, never from live rows.
 * <p>
 * This is the one place that says which fields each category covers:
 * <ul>
 * <li>{@code identity}: the student's first name (the preferred one, if any) and last initial;</li>
 * <li>{@code demographics}: grade, language (preferred, else home) and age on the day of disclosure;</li>
 * <li>{@code contact}: the family members named on the referral: names, relationship, phone, email,
 * preferred language and preferred contact method;</li>
 * <li>{@code review-needs}: the need codes of the referral;</li>
 * <li>{@code plan}, {@code attendance}, {@code grades}, {@code health}, {@code discipline}: no field of
 * the record; a referral sharing them says what it shares in its shared notes.</li>
 * </ul>
 * The shared notes, written by the school for the provider, are always part of what is disclosed.
 * Fields of categories not shared are absent from the snapshot (null here).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosedData(
        List<String> categories,
        String studentFirstName,
        String studentLastInitial,
        String grade,
        String language,
        Integer age,
        List<String> needCodes,
        List<Contact> familyContacts,
        String sharedNotes) {

    public static final String IDENTITY = "identity";
    public static final String DEMOGRAPHICS = "demographics";
    public static final String CONTACT = "contact";
    public static final String REVIEW_NEEDS = "review-needs";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A family member as disclosed under the {@code contact} category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(UUID id, String givenName, String familyName, String relationship, String phone, String email,
                          String preferredLanguage, String preferredContactMethod) {

        static Contact of(StudentContact link) {
            return new Contact(link.contact.id, link.contact.givenName, link.contact.familyName, link.relationship,
                    link.contact.phone, link.contact.email, link.contact.preferredLanguage, link.contact.preferredContactMethod);
        }
    }

    /**
     * The snapshot of what the referral shares, read from the student's record now.
     *
     * @param members the student's links to the family members named on the referral
     * @param day     the day of disclosure (the age is the age on it)
     */
    static DisclosedData of(Referral r, List<StudentContact> members, LocalDate day) {
        List<String> shared = r.sharedCategories;
        boolean identity = shared.contains(IDENTITY);
        boolean demographics = shared.contains(DEMOGRAPHICS);
        var student = r.student;
        return new DisclosedData(List.copyOf(shared),
                identity ? (student.preferredName != null ? student.preferredName : student.givenName) : null,
                identity ? student.familyName.substring(0, 1) : null,
                demographics ? student.grade : null,
                demographics ? (student.preferredLanguage != null ? student.preferredLanguage : student.homeLanguage) : null,
                demographics ? student.ageOn(day) : null,
                shared.contains(REVIEW_NEEDS) ? List.copyOf(r.reasonCodes) : null,
                shared.contains(CONTACT) ? members.stream().filter(m -> r.familyContactIds.contains(m.contact.id))
                        .map(Contact::of).toList() : null,
                r.sharedNotes);
    }

    /** Nothing disclosed is known (an entry made before snapshots were kept): no field of the record. */
    static DisclosedData notKept(List<String> categories) {
        return new DisclosedData(List.copyOf(categories), null, null, null, null, null, null, null, null);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the disclosure snapshot", e);
        }
    }

    static DisclosedData fromJson(String json) {
        try {
            return JSON.readValue(json, DisclosedData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the disclosure snapshot cannot be read", e);
        }
    }

    /** The need codes disclosed; empty when the needs were not shared. */
    List<String> needCodesOrNone() {
        return needCodes == null ? List.of() : needCodes;
    }

    /** The family members disclosed; empty when the contact category was not shared. */
    List<Contact> familyContactsOrNone() {
        return familyContacts == null ? List.of() : familyContacts;
    }
}
