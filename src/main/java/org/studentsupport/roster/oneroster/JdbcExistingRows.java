package org.studentsupport.roster.oneroster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks up existing roster rows of one district, a chunk of sourcedIds at a time. */
public final class JdbcExistingRows implements ExistingRows {

    private static final int CHUNK = 5000;
    private static final String IN_DISTRICT = "(SELECT id FROM school WHERE district_id = (SELECT id FROM district WHERE sourced_id = ?))";

    private final Connection connection;
    private final String district;

    public JdbcExistingRows(Connection connection, String district) {
        this.connection = connection;
        this.district = district;
    }

    @Override
    public Set<String> existing(Kind kind, Collection<String> sourcedIds) {
        String sql = switch (kind) {
            case ORG -> "SELECT sourced_id FROM school WHERE sourced_id = ANY(?) AND district_id = (SELECT id FROM district WHERE sourced_id = ?) "
                    + "UNION SELECT sourced_id FROM district WHERE sourced_id = ANY(?1) AND sourced_id = ?2";
            case SCHOOL -> "SELECT sourced_id FROM school WHERE sourced_id = ANY(?) AND district_id = (SELECT id FROM district WHERE sourced_id = ?)";
            case SESSION -> "SELECT sourced_id FROM academic_session WHERE sourced_id = ANY(?) AND active AND district_id = (SELECT id FROM district WHERE sourced_id = ?)";
            case COURSE -> "SELECT sourced_id FROM course WHERE sourced_id = ANY(?) AND active AND district_id = (SELECT id FROM district WHERE sourced_id = ?)";
            case CLASS -> "SELECT sourced_id FROM class_section WHERE sourced_id = ANY(?) AND active AND school_id IN " + IN_DISTRICT;
            case STUDENT -> "SELECT sourced_id FROM student WHERE sourced_id = ANY(?) AND school_id IN " + IN_DISTRICT;
            case TEACHER -> "SELECT sourced_id FROM teacher WHERE sourced_id = ANY(?) AND active AND ? IS NOT NULL";
            case CONTACT -> "SELECT sourced_id FROM family_contact WHERE sourced_id = ANY(?) AND active AND ? IS NOT NULL";
            case USER -> "SELECT sourced_id FROM student WHERE sourced_id = ANY(?) AND school_id IN " + IN_DISTRICT
                    + " UNION SELECT sourced_id FROM teacher WHERE sourced_id = ANY(?1) UNION SELECT sourced_id FROM family_contact WHERE sourced_id = ANY(?1)";
        };
        // JDBC has no numbered parameters: expand ?1/?2 into repeated positional ones
        return query(sql, sourcedIds);
    }

    @Override
    public Map<String, Integer> userKinds(Collection<String> sourcedIds) {
        Map<String, Integer> kinds = new HashMap<>();
        for (String id : existing(Kind.STUDENT, sourcedIds)) {
            kinds.merge(id, RosterIndex.STUDENT, (a, b) -> a | b);
        }
        for (String id : existing(Kind.TEACHER, sourcedIds)) {
            kinds.merge(id, RosterIndex.TEACHER, (a, b) -> a | b);
        }
        for (String id : existing(Kind.CONTACT, sourcedIds)) {
            kinds.merge(id, RosterIndex.CONTACT, (a, b) -> a | b);
        }
        return kinds;
    }

    private Set<String> query(String template, Collection<String> sourcedIds) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(sourcedIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try {
                Array array = connection.createArrayOf("text", chunk.toArray());
                List<Object> params = new ArrayList<>();
                StringBuilder sql = new StringBuilder();
                int slot = 0;
                for (int i = 0; i < template.length(); i++) {
                    char c = template.charAt(i);
                    if (c != '?') {
                        sql.append(c);
                        continue;
                    }
                    int which;
                    if (i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                        which = template.charAt(++i) - '0';
                    } else {
                        which = ++slot;
                    }
                    sql.append('?');
                    params.add(which == 1 ? array : district);
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                    for (int p = 0; p < params.size(); p++) {
                        statement.setObject(p + 1, params.get(p));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not look up existing roster rows", e);
            }
        }
        return found;
    }
}
