package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes the HSDS tables that have no entity (all but organization, service and location),
 * generically from {@link HsdsTable}: typed columns for what the service searches, the rest in
 * {@code extra}. Runs on the caller's transaction (the pool enlists its connections), so an import
 * is all-or-nothing.
 */
@ApplicationScoped
public class HsdsStore {

    private final AgroalDataSource dataSource;

    public HsdsStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the record or replaces the one with its id; an unchanged record is left as it is. */
    public void upsert(HsdsRecord record) {
        HsdsTable table = own(record.table);
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        columns.add("id");
        values.add(record.id);
        types.add(Types.OTHER);
        for (HsdsTable.Ref ref : table.refs()) {
            columns.add(ref.field());
            values.add(record.refs.get(ref.field()));
            types.add(Types.OTHER);
        }
        ObjectNode extra = record.fields.deepCopy();
        for (HsdsTable.Column column : table.columns()) {
            JsonNode value = record.fields.get(column.name());
            columns.add(column.name());
            if (column.kind() == 'N') {
                values.add(value == null || value.isNull() ? null : value.decimalValue());
                types.add(Types.NUMERIC);
            } else {
                values.add(value == null || value.isNull() ? null : value.asText());
                types.add(Types.VARCHAR);
            }
            extra.remove(column.name());
        }
        columns.add("extra");
        values.add(HsdsJson.text(extra));
        types.add(Types.OTHER);

        List<String> updated = columns.subList(1, columns.size());
        String sql = "INSERT INTO " + table.sqlTable() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> c.equals("extra") ? "?::jsonb" : "?").toList())
                + ") ON CONFLICT (id) DO UPDATE SET "
                + String.join(", ", updated.stream().map(c -> c + " = EXCLUDED." + c).toList())
                + " WHERE (" + String.join(", ", updated.stream().map(c -> table.sqlTable() + "." + c).toList())
                + ") IS DISTINCT FROM (" + String.join(", ", updated.stream().map(c -> "EXCLUDED." + c).toList()) + ")";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) == null) {
                    statement.setNull(c + 1, types.get(c));
                } else {
                    statement.setObject(c + 1, values.get(c), types.get(c));
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + table.hsdsName() + " " + record.id, e);
        }
    }

    /** The ids among {@code ids} that exist in the table. */
    public Set<UUID> existing(HsdsTable table, Collection<UUID> ids) {
        own(table);
        Set<UUID> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        query("SELECT id FROM " + table.sqlTable() + " WHERE id = ANY(?)", List.of(ids), rs -> found.add((UUID) rs.getObject(1)));
        return found;
    }

    /** The records whose {@code column} (id or a reference) is one of {@code ids}, ordered by id. */
    public List<HsdsRecord> load(HsdsTable table, String column, Collection<UUID> ids) {
        own(table);
        List<HsdsRecord> records = new ArrayList<>();
        if (ids.isEmpty()) {
            return records;
        }
        query("SELECT * FROM " + table.sqlTable() + " WHERE " + column + " = ANY(?) ORDER BY id", List.of(ids),
                rs -> records.add(read(table, rs)));
        return records;
    }

    /** Records chosen by a query that selects all of the table's columns. */
    public List<HsdsRecord> select(HsdsTable table, String sql, List<Object> params) {
        own(table);
        List<HsdsRecord> records = new ArrayList<>();
        query(sql, params, rs -> records.add(read(table, rs)));
        return records;
    }

    public long count(String sql, List<Object> params) {
        long[] count = {0};
        query(sql, params, rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    public void execute(String sql, List<Object> params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, params);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Directory update failed", e);
        }
    }

    /** Organization, service and location belong to their entities, never to this store. */
    private static HsdsTable own(HsdsTable table) {
        if (table.entity()) {
            throw new IllegalArgumentException(table.hsdsName() + " is kept by its entity");
        }
        return table;
    }

    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    public void query(String sql, List<Object> params, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Directory query failed", e);
        }
    }

    public static void bind(Connection connection, PreparedStatement statement, List<Object> params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            if (param instanceof Collection<?> collection) {
                Object first = collection.isEmpty() ? null : collection.iterator().next();
                String type = first instanceof UUID ? "uuid" : "text";
                Array array = connection.createArrayOf(type, collection.toArray());
                statement.setArray(i++, array);
            } else if (param == null) {
                statement.setNull(i++, Types.NULL);
            } else {
                statement.setObject(i++, param);
            }
        }
    }

    private HsdsRecord read(HsdsTable table, ResultSet rs) throws SQLException {
        ObjectNode extra = HsdsJson.object(rs.getString("extra"));
        HsdsRecord record = new HsdsRecord(table, (UUID) rs.getObject("id"), extra);
        for (HsdsTable.Ref ref : table.refs()) {
            UUID value = (UUID) rs.getObject(ref.field());
            if (value != null) {
                record.refs.put(ref.field(), value);
            }
        }
        for (HsdsTable.Column column : table.columns()) {
            switch (column.kind()) {
                case 'S' -> {
                    String value = rs.getString(column.name());
                    if (value != null) {
                        extra.put(column.name(), value);
                    }
                }
                default -> {
                    BigDecimal value = rs.getBigDecimal(column.name());
                    if (value != null) {
                        extra.set(column.name(), number(value));
                    }
                }
            }
        }
        return record;
    }

    /** Whole numbers come back as integers (an age of 12, not 12.0), others as decimals. */
    public static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return LongNode.valueOf(stripped.longValueExact());
        }
        return DecimalNode.valueOf(stripped);
    }
}
