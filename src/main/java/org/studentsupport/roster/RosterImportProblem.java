package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One problem of a rejected import: where in the bundle, and what is wrong. */
@Entity
@Table(name = "roster_import_problem")
public class RosterImportProblem {

    @EmbeddedId
    public Key key;

    public String file;

    public Long line;

    @Column(name = "column_name")
    public String column;

    @Column(nullable = false)
    public String message;

    protected RosterImportProblem() {
    }

    public RosterImportProblem(UUID importId, int seq, String file, Long line, String column, String message) {
        this.key = new Key(importId, seq);
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = message.length() > 1000 ? message.substring(0, 999) + "…" : message;
    }

    @Embeddable
    public record Key(@Column(name = "import_id") UUID importId, @Column(name = "seq") int seq) implements Serializable {
    }
}
