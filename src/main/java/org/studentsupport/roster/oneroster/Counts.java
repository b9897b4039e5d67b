package org.studentsupport.roster.oneroster;

/** What an import did to one kind of record. */
public final class Counts {

    public long created;
    public long updated;
    public long unchanged;
    public long deleted;

    public Counts add(Counts other) {
        created += other.created;
        updated += other.updated;
        unchanged += other.unchanged;
        deleted += other.deleted;
        return this;
    }
}
