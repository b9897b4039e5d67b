package org.studentsupport.vocabulary;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A code of the needs or the strengths vocabulary in one domain: of the shared default
 * ({@code districtId} null) or of one district's extension. The code never changes; labels are
 * per language. Retired codes stay readable but cannot be used in new records.
 */
@Entity
@Table(name = "vocabulary_code")
public class VocabularyCode {

    @Id
    public UUID id;

    @Column(name = "district_id")
    public UUID districtId;

    /** need or strength. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String domain;

    @Column(nullable = false, updatable = false)
    public String code;

    /** Labels by language code; "en" is always there. */
    @Convert(converter = LabelsColumn.class)
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> labels = new LinkedHashMap<>();

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected VocabularyCode() {
    }

    public VocabularyCode(UUID districtId, CodeKind kind, String domain, String code, Map<String, String> labels) {
        this.id = UUID.randomUUID();
        this.districtId = districtId;
        this.kind = kind.code();
        this.domain = domain;
        this.code = code;
        this.labels = new LinkedHashMap<>(labels);
    }

    /** The label in a language, falling back to English. */
    public String label(String language) {
        String label = language == null ? null : labels.get(language);
        return label != null ? label : labels.get("en");
    }
}
