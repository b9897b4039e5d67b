package org.studentsupport.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Reads and writes HSDS records table by table, generically from {@link HsdsTable}: typed columns
 * for what the service searches and edits, the rest in {@code extra}. Runs on the caller's
 * transaction (the pool enlists its connections), so an import is all-or-nothing.
 */
@ApplicationScoped
public class HsdsStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public HsdsStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Whether a coordinate fits its column; out-of-range values stay in {@code extra} as published. */
    static boolean fits(HsdsTable.Column column, JsonNode value) {
        return value != null && value.isNumber() && Math.abs(value.asDouble()) <= column.limit();
    }

    /** Coordinates go to their columns only as a usable pair: both given, both in range. */
    static boolean coordinatesFit(HsdsRecord record) {
        return record.table.columns().stream().filter(c -> c.kind() == 'C')
                .allMatch(c -> fits(c, record.fields.get(c.name())));
    }

    /** Inserts the record or replaces the one with its id; an unchanged record is left as it is. */
    public void upsert(HsdsRecord record, String subject) {
        HsdsTable table = record.table;
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
        boolean located = coordinatesFit(record);
        for (HsdsTable.Column column : table.columns()) {
            JsonNode value = record.fields.get(column.name());
            columns.add(column.name());
            switch (column.kind()) {
                case 'S' -> {
                    values.add(value == null || value.isNull() ? null : value.asText());
                    types.add(Types.VARCHAR);
                    extra.remove(column.name());
                }
                case 'N' -> {
                    values.add(value == null || value.isNull() ? null : value.decimalValue());
                    types.add(Types.NUMERIC);
                    extra.remove(column.name());
                }
                default -> {
                    boolean fits = located;
                    values.add(fits ? value.asDouble() : null);
                    types.add(Types.DOUBLE);
                    if (fits) {
                        extra.remove(column.name());
                    }
                }
            }
        }
        columns.add("extra");
        values.add(write(extra));
        types.add(Types.OTHER);

        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.sqlTable()).append(" (")
                .append(String.join(", ", columns));
        if (table.versioned()) {
            sql.append(", updated_by");
        }
        sql.append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).equals("extra") ? "?::jsonb" : "?");
        }
        if (table.versioned()) {
            sql.append(", ?");
        }
        sql.append(") ON CONFLICT (id) DO UPDATE SET ");
        List<String> sets = new ArrayList<>();
        for (String column : columns.subList(1, columns.size())) {
            sets.add(column + " = EXCLUDED." + column);
        }
        if (table.versioned()) {
            sets.add("version = " + table.sqlTable() + ".version + 1");
            sets.add("updated_at = now()");
            sets.add("updated_by = EXCLUDED.updated_by");
        }
        sql.append(String.join(", ", sets));
        List<String> old = columns.subList(1, columns.size()).stream().map(c -> table.sqlTable() + "." + c).toList();
        List<String> fresh = columns.subList(1, columns.size()).stream().map(c -> "EXCLUDED." + c).toList();
        sql.append(" WHERE (").append(String.join(", ", old)).append(") IS DISTINCT FROM (")
                .append(String.join(", ", fresh)).append(")");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c) == null) {
                    statement.setNull(i++, types.get(c));
                } else {
                    statement.setObject(i++, values.get(c), types.get(c));
                }
            }
            if (table.versioned()) {
                statement.setString(i, subject);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + table.hsdsName() + " " + record.id, e);
        }
    }

    /** The ids among {@code ids} that exist in the table. */
    public Set<UUID> existing(HsdsTable table, Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        query("SELECT id FROM " + table.sqlTable() + " WHERE id = ANY(?)", List.of(ids), rs -> found.add((UUID) rs.getObject(1)));
        return found;
    }

    /** The records whose {@code column} (id or a reference) is one of {@code ids}, ordered by id. */
    public List<HsdsRecord> load(HsdsTable table, String column, Collection<UUID> ids) {
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

    public void refreshSearch(Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return;
        }
        query("SELECT dir_refresh_search(?)", List.of(serviceIds), rs -> { });
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    void query(String sql, List<Object> params, RowHandler handler) {
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

    static void bind(Connection connection, PreparedStatement statement, List<Object> params) throws SQLException {
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
        ObjectNode extra = parse(rs.getString("extra"));
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
                case 'N' -> {
                    BigDecimal value = rs.getBigDecimal(column.name());
                    if (value != null) {
                        extra.set(column.name(), number(value));
                    }
                }
                default -> {
                    double value = rs.getDouble(column.name());
                    if (!rs.wasNull()) {
                        extra.set(column.name(), DoubleNode.valueOf(value));
                    }
                }
            }
        }
        return record;
    }

    /** Whole numbers come back as integers (an age of 12, not 12.0), others as decimals. */
    static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return LongNode.valueOf(stripped.longValueExact());
        }
        return DecimalNode.valueOf(stripped);
    }

    private ObjectNode parse(String text) {
        try {
            JsonNode node = text == null ? null : json.readTree(text);
            return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable directory record", e);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


}
