package org.studentsupport.directory.hsds;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** HSDS records of any table, each table read and written by its one owner: its entity or the store. */
@ApplicationScoped
public class HsdsRows {

    private final HsdsEntities entities;
    private final HsdsStore store;

    public HsdsRows(HsdsEntities entities, HsdsStore store) {
        this.entities = entities;
        this.store = store;
    }

    public List<HsdsRecord> load(HsdsTable table, String column, Collection<UUID> ids) {
        return table.entity() ? entities.load(table, column, ids) : store.load(table, column, ids);
    }

    public Set<UUID> existing(HsdsTable table, Collection<UUID> ids) {
        return table.entity() ? entities.existing(table, ids) : store.existing(table, ids);
    }

    /** Records chosen by a query that selects all of the table's columns. */
    public List<HsdsRecord> select(HsdsTable table, String sql, List<Object> params) {
        return table.entity() ? entities.select(table, sql, params) : store.select(table, sql, params);
    }

    /** A count by a query over the table (and the tables it joins). */
    public long count(HsdsTable table, String sql, List<Object> params) {
        return table.entity() ? entities.count(sql, params) : store.count(sql, params);
    }

    public void upsert(HsdsRecord record, String subject) {
        if (record.table.entity()) {
            entities.upsert(record, subject);
        } else {
            store.upsert(record);
        }
    }
}
