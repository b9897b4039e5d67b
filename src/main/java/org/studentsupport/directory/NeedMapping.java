package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.studentsupport.vocabulary.CodeListColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The taxonomy terms (by code) that meet one need: the shared default (districtId null) or a district's replacement. */
@Entity
@Table(name = "need_mapping")
public class NeedMapping {

    @Id
    public UUID id;

    @Column(name = "district_id")
    public UUID districtId;

    @Column(name = "need_code", nullable = false, updatable = false)
    public String needCode;

    @Convert(converter = CodeListColumn.class)
    @Column(name = "term_codes", nullable = false)
    public List<String> termCodes = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    protected NeedMapping() {
    }

    public NeedMapping(UUID districtId, String needCode) {
        this.id = UUID.randomUUID();
        this.districtId = districtId;
        this.needCode = needCode;
        this.updatedAt = Instant.now();
    }
}
