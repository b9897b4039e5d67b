package org.studentsupport.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The load run's table: per operation of the mixed workload its throughput, p50/p95/p99 and
 * errors (from Gatling's report), beside the same run's baselines — the trivial authenticated GET
 * and pgbench running the operation's main SQL — and the ratios service/baseline.
 *
 * <pre>java ... LoadReport &lt;gatling run folder&gt; &lt;pgbench.tsv&gt; [&lt;mixed seconds&gt;]</pre>
 *
 * pgbench.tsv: one line per operation: operation name, tps, p50, p95, p99 (ms), as run-load.sh writes it.
 * Exits 1 when any request failed.
 */
public final class LoadReport {

    private LoadReport() {
    }

    record Row(String name, long total, long ko, double rps, double p50, double p95, double p99) {
    }

    record Sql(double tps, double p50, double p95, double p99) {
    }

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        Map<String, Sql> sql = new HashMap<>();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                String[] f = line.split("\t");
                if (f.length == 5) {
                    sql.put(f[0], new Sql(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4])));
                }
            }
        }
        List<Row> rows = rows(run.resolve("js/stats.js"));
        Row baseline = rows.stream().filter(r -> r.name().startsWith("baseline")).findFirst().orElse(null);
        long errors = 0;
        System.out.println();
        System.out.printf("%-28s %8s %7s %8s %8s %8s %6s | %9s %9s | %8s %8s %9s %9s%n", "operation", "requests", "errors", "req/s",
                "p50 ms", "p95 ms", "p99", "÷base p50", "÷base p95", "SQL p50", "SQL p95", "÷SQL p50", "÷SQL p95");
        for (Row r : rows) {
            errors += r.name().startsWith("token") ? 0 : r.ko();
            Sql s = sql.get(r.name());
            boolean isBaseline = r == baseline;
            System.out.printf("%-28s %8d %7d %8.1f %8.0f %8.0f %6.0f | %9s %9s | %8s %8s %9s %9s%n", r.name(), r.total(), r.ko(), r.rps(),
                    r.p50(), r.p95(), r.p99(),
                    baseline == null || isBaseline ? "" : ratio(r.p50(), baseline.p50(), 1),
                    baseline == null || isBaseline ? "" : ratio(r.p95(), baseline.p95(), 1),
                    s == null ? "" : String.format("%.2f", s.p50()), s == null ? "" : String.format("%.2f", s.p95()),
                    s == null ? "" : ratio(r.p50(), s.p50(), 0.001), s == null ? "" : ratio(r.p95(), s.p95(), 0.001));
        }
        System.out.println();
        System.out.println("Gatling measures whole milliseconds (a p50 of 0-1 ms is below its resolution); ratios use max(p, 1 ms)"
                + " for the service and pgbench's microseconds for SQL. Token requests go to Keycloak and are not the service's.");
        System.out.printf("Errors (service requests): %d%n", errors);
        if (errors > 0) {
            System.exit(1);
        }
    }

    /** Service over baseline, the service's figure (whole ms from Gatling) counted as at least 1 ms, the baseline's as at least floor. */
    static String ratio(double service, double base, double floor) {
        return base <= 0 ? "" : String.format("%.1fx", Math.max(service, 1) / Math.max(base, floor));
    }

    /** Gatling's stats.js is a JavaScript object literal: its keys are quoted, then it reads as JSON. */
    static List<Row> rows(Path statsJs) throws IOException {
        String js = Files.readString(statsJs);
        int start = js.indexOf('{');
        int end = matching(js, start);
        String json = js.substring(start, end + 1).replaceAll("(?m)^(\\s*)([A-Za-z_][A-Za-z0-9_]*):", "$1\"$2\":");
        JsonNode root = new ObjectMapper().readTree(json);
        List<Row> rows = new ArrayList<>();
        for (Iterator<JsonNode> it = root.path("contents").elements(); it.hasNext(); ) {
            JsonNode stats = it.next().path("stats");
            rows.add(new Row(stats.path("name").asText(), number(stats, "numberOfRequests", "total"), number(stats, "numberOfRequests", "ko"),
                    decimal(stats, "meanNumberOfRequestsPerSecond", "total"), decimal(stats, "percentiles1", "ok"),
                    decimal(stats, "percentiles3", "ok"), decimal(stats, "percentiles4", "ok")));
        }
        List<String> order = Arrays.asList("baseline", "class roster", "student profile", "class review", "directory", "consent",
                "referral", "provider", "oversight", "token");
        rows.sort((a, b) -> Integer.compare(rank(order, a.name()), rank(order, b.name())));
        return rows;
    }

    private static int rank(List<String> order, String name) {
        for (int i = 0; i < order.size(); i++) {
            if (name.startsWith(order.get(i))) {
                return i;
            }
        }
        return order.size();
    }

    private static long number(JsonNode stats, String field, String kind) {
        return (long) decimal(stats, field, kind);
    }

    private static double decimal(JsonNode stats, String field, String kind) {
        String text = stats.path(field).path(kind).asText("0");
        return text.equals("-") || text.isEmpty() ? 0 : Double.parseDouble(text);
    }

    private static int matching(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("stats.js: no end of the stats object");
    }
}
