package org.studentsupport.review;

import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The strengths and needs of one review entry in one domain: codes of the code list and a short note. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_CLASS_REVIEW_ENTRY, deduceAliasInjectionPoints = false)
@Table(name = "class_review_domain")
public class ClassReviewDomain {

    @Id
    public UUID id;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(nullable = false)
    public String domain;

    /** Codes, comma-separated (codes contain only a-z, 0-9 and '-'). */
    @Column(nullable = false)
    public String strengths = "";

    @Column(nullable = false)
    public String needs = "";

    public String note;

    protected ClassReviewDomain() {
    }

    public ClassReviewDomain(UUID entryId, ReviewDomain domain, List<String> strengths, List<String> needs, String note) {
        this.id = UUID.randomUUID();
        this.entryId = entryId;
        this.domain = domain.code();
        this.strengths = String.join(",", strengths);
        this.needs = String.join(",", needs);
        this.note = note;
    }

    /** A domain row as read from the table (not managed). */
    static ClassReviewDomain stored(UUID entryId, String domain, String strengths, String needs, String note) {
        ClassReviewDomain row = new ClassReviewDomain();
        row.entryId = entryId;
        row.domain = domain;
        row.strengths = strengths == null ? "" : strengths;
        row.needs = needs == null ? "" : needs;
        row.note = note;
        return row;
    }

    public List<String> strengthCodes() {
        return split(strengths);
    }

    public List<String> needCodes() {
        return split(needs);
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isEmpty() ? List.of() : Arrays.asList(codes.split(","));
    }
}
