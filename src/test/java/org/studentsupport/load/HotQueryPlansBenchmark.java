package org.studentsupport.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot queries of the mixed workload (the SQL the service issues, kept as the load harness's
 * pgbench scripts in src/test/load/pgbench) use indexes on a large district: EXPLAIN (FORMAT JSON)
 * of each shows no sequential scan of a big table, except where a script says "-- full scan:" why one is
 * the right plan (a district-wide report that aggregates a year of referrals reads most of the table). Runs against a database the load harness loaded
 * (src/test/load/run-load.sh 5.0 leaves student_support_load_s5_0_template behind):
 *
 * <pre>./mvnw verify -Pbenchmark -Dtest=HotQueryPlansBenchmark -Dload.jdbcUrl='jdbc:postgresql://127.0.0.1:5432/student_support_load_s5_0_template?user=postgres'</pre>
 *
 * Skipped when that database is not there.
 */
@Tag("benchmark")
class HotQueryPlansBenchmark {

    static final Set<String> BIG_TABLES = Set.of("referral", "referral_transition", "audit_event", "audit_seal", "student",
            "enrollment", "dir_service", "consent", "disclosure", "family_contact", "student_contact");
    static final Pattern VARIABLE = Pattern.compile(":(class|student|school|district|org|rid|sid)\\b");

    @Test
    void hotQueriesUseIndexesOnTheBigTables() throws Exception {
        String url = System.getProperty("load.jdbcUrl",
                "jdbc:postgresql://127.0.0.1:5432/student_support_load_s5_0_template?user=postgres");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            Assumptions.abort("no loaded database at " + url + ": " + e.getMessage());
            return;
        }
        try (connection; Statement st = connection.createStatement()) {
            long students;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM student")) {
                rs.next();
                students = rs.getLong(1);
            }
            Map<String, String> values = values(st);
            System.out.printf("%nHot query plans on %s (%,d students)%n", url.replaceAll("\\?.*", ""), students);
            List<String> seqScans = new ArrayList<>();
            int checked = 0;
            for (Map.Entry<String, String> query : queries().entrySet()) {
                String sql = bind(query.getValue(), values);
                JsonNode plan;
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
                    rs.next();
                    plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                }
                List<String> scans = new ArrayList<>();
                walk(plan, scans);
                System.out.printf("  %-60s %s%n", query.getKey(), String.join(", ", scans));
                for (String scan : scans) {
                    if (scan.startsWith("Seq Scan on ") && BIG_TABLES.contains(scan.substring("Seq Scan on ".length()))) {
                        seqScans.add(query.getKey() + ": " + scan);
                    }
                }
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(10);
            assertThat(seqScans).as("sequential scans of big tables").isEmpty();
        }
    }

    /** Every scan of the plan, as "Node Type on relation". */
    private static void walk(JsonNode node, List<String> scans) {
        String type = node.path("Node Type").asText();
        if (node.has("Relation Name")) {
            scans.add(type + " on " + node.get("Relation Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, scans);
        }
    }

    /** Each statement of each pgbench script (statements end with ';' or '\gset' at the end of a line; \set lines skipped). */
    static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        Path dir = Path.of("src/test/load/pgbench");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                StringBuilder statement = new StringBuilder();
                int n = 0;
                List<String> lines = Files.readAllLines(file);
                if (lines.stream().anyMatch(l -> l.startsWith("-- full scan:"))) {
                    continue;
                }
                boolean pick = false;
                for (String line : lines) {
                    if (line.startsWith("-- pick:")) {
                        // the harness's own choice of a row to use up, not a statement of the service: not checked
                        pick = true;
                        continue;
                    }
                    if (line.startsWith("--") || line.startsWith("\\") || line.isBlank()) {
                        continue;
                    }
                    // "SELECT … \gset" ends a statement too (its row sets variables for the next ones)
                    boolean gset = line.trim().endsWith("\\gset");
                    statement.append(gset ? line.substring(0, line.lastIndexOf("\\gset")) + ";" : line).append('\n');
                    if (gset || line.trim().endsWith(";")) {
                        String sql = statement.toString().trim();
                        if (pick) {
                            pick = false;
                        } else if (!sql.toUpperCase().startsWith("BEGIN") && !sql.toUpperCase().startsWith("COMMIT")
                                && !sql.toUpperCase().startsWith("ROLLBACK")) {
                            queries.put(file.getFileName() + " #" + (++n), sql.substring(0, sql.length() - 1));
                        }
                        statement.setLength(0);
                    }
                }
            }
        }
        return queries;
    }

    /** The values run-load.sh gives pgbench: a generated class and student of the first demo school, its district, a demo provider. */
    private static Map<String, String> values(Statement st) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT"
                + " (SELECT id FROM class_section WHERE sourced_id LIKE 'ld-cls-%' AND school_id = (SELECT id FROM school WHERE sourced_id = 'sch-elm') ORDER BY id LIMIT 1),"
                + " (SELECT st.id FROM student st JOIN school s ON s.id = st.school_id WHERE s.sourced_id = 'sch-elm' AND st.sourced_id LIKE 'ld-%' ORDER BY st.id LIMIT 1),"
                + " (SELECT id FROM school WHERE sourced_id = 'sch-elm'), (SELECT id FROM district WHERE sourced_id = 'dst-riverton')")) {
            rs.next();
            values.put("class", rs.getString(1));
            values.put("student", rs.getString(2));
            values.put("school", rs.getString(3));
            values.put("district", rs.getString(4));
            values.put("org", "3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");
        }
        // what a script's "\gset" sets: a referral (rid) of the demo provider and its school (sid)
        try (ResultSet rs = st.executeQuery("SELECT id, school_id FROM referral WHERE organization_id = '"
                + values.get("org") + "' ORDER BY id LIMIT 1")) {
            rs.next();
            values.put("rid", rs.getString(1));
            values.put("sid", rs.getString(2));
        }
        return values;
    }

    private static String bind(String sql, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, values.get(m.group(1)));
        }
        return m.appendTail(out).toString();
    }
}
