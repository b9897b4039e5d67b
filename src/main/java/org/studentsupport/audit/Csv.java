package org.studentsupport.audit;

/** CSV cells for exports that spreadsheets open safely (RFC 4180 quoting, no formula execution). */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        String safe = value;
        // A cell starting with one of these would be run as a formula by a spreadsheet.
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
