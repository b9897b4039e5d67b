package org.studentsupport.roster.oneroster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and conversions of single CSV cells, each reporting what is wrong with it. */
final class Cells {

    static final int NAME_MAX = 255;
    private static final Pattern FORMULA_BODY = Pattern.compile("^[0-9(]|.*[=(|!@].*", Pattern.DOTALL);
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private final Problems problems;

    Cells(Problems problems) {
        this.problems = problems;
    }

    /**
     * Whether a cell would be run as a formula by a spreadsheet that opens an export of it
     * (CSV injection): it starts with '=', '@', a tab or a carriage return, or with '+' or '-'
     * followed by a digit, a parenthesis or formula punctuation ('=', '|', '!', '@').
     */
    static boolean looksLikeFormula(String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        char first = raw.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if ((first == '+' || first == '-') && raw.length() > 1) {
            return FORMULA_BODY.matcher(raw.substring(1)).matches();
        }
        return false;
    }

    String text(CsvTable.Row row, String column, boolean required, int max) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.add(row.file, row.line, column, column + " is required");
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(row.file, row.line, column, column + " is longer than " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            problems.add(row.file, row.line, column, column + " contains control characters");
            return null;
        }
        return value;
    }

    /** A name or title: like {@link #text}, and refused when it looks like a spreadsheet formula. */
    String name(CsvTable.Row row, String column, boolean required) {
        String raw = row.raw(column);
        if (looksLikeFormula(raw)) {
            problems.add(row.file, row.line, column, column + " starts like a spreadsheet formula ("
                    + describe(raw) + "); names may not start with =, +, -, @, a tab or a carriage return followed by a formula. The row was refused");
            return null;
        }
        return text(row, column, required, NAME_MAX);
    }

    private static String describe(String raw) {
        String shown = raw.length() > 20 ? raw.substring(0, 20) + "…" : raw;
        return "'" + shown.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    LocalDate date(CsvTable.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.add(row.file, row.line, column, column + " is required");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                problems.add(row.file, row.line, column, column + " '" + value + "' is not a plausible date (years 1900 to 2999)");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(row.file, row.line, column, column + " '" + shorten(value) + "' is not a real date in the form YYYY-MM-DD");
            return null;
        }
    }

    void dateTime(CsvTable.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.add(row.file, row.line, column, column + " is required in a delta file");
            }
            return;
        }
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e2) {
                problems.add(row.file, row.line, column, column + " '" + shorten(value)
                        + "' is not an ISO 8601 date-time such as 2026-08-01T00:00:00.000Z");
            }
        }
    }

    String oneOf(CsvTable.Row row, String column, boolean required, Set<String> allowed) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.add(row.file, row.line, column, column + " is required");
            }
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        problems.add(row.file, row.line, column, column + " '" + shorten(value) + "' is not one of " + String.join(", ", allowed));
        return null;
    }

    Boolean bool(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower.equals("true");
        }
        problems.add(row.file, row.line, column, column + " '" + shorten(value) + "' is not true or false");
        return null;
    }

    String language(CsvTable.Row row, String column) {
        String value = text(row, column, false, 35);
        if (value != null && !LANGUAGE.matcher(value).matches()) {
            problems.add(row.file, row.line, column, column + " '" + shorten(value) + "' is not a BCP 47 language tag such as en or es-MX");
            return null;
        }
        return value;
    }

    /** A comma-separated list of sourcedIds (or grades); empty when the cell is empty. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                String trimmed = item.strip();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
        }
        return items;
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
