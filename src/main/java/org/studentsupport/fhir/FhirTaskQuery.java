package org.studentsupport.fhir;

import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.Violation;
import org.studentsupport.referral.FhirTaskSearch;
import org.studentsupport.referral.ReferralStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The search parameters of {@code GET /fhir/Task}, read strictly: {@code owner} and {@code focus}
 * (reference or id), {@code status} (token, comma for any of), {@code _lastUpdated} (date with
 * {@code eq ge gt le lt}, repeatable, all must hold), {@code _count} (1–100, default 20) and {@code _offset}.
 * Anything else, or a value that cannot be read, is a 400: a FHIR client is told rather than given
 * everything.
 */
final class FhirTaskQuery {

    static final Set<String> PARAMETERS = Set.of("owner", "status", "_lastUpdated", "focus", "_count", "_offset", "_format");
    static final int MAX_OFFSET = 100_000;

    private FhirTaskQuery() {
    }

    static FhirTaskSearch parse(Map<String, List<String>> params) {
        List<Violation> errors = new ArrayList<>();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(Violation.atParameter(name, "is not a search parameter of Task here; supported: owner, status, "
                        + "_lastUpdated, focus, _count, _offset"));
            }
        }
        List<ReferralStatus> statuses = new ArrayList<>();
        for (String value : values(params, "status")) {
            for (String code : value.split(",")) {
                if (ReferralStatus.codes().contains(code) && !code.equals(ReferralStatus.DRAFT.code())) {
                    statuses.add(ReferralStatus.fromCode(code));
                } else {
                    errors.add(Violation.atParameter("status", "'" + code + "' is not a Task status of this workflow"));
                }
            }
        }
        UUID owner = reference(params, "owner", "Organization", errors);
        UUID focus = reference(params, "focus", "ServiceRequest", errors);
        Instant from = null;
        Instant until = null;
        for (String value : values(params, "_lastUpdated")) {
            Instant[] range = lastUpdated(value, errors);
            if (range == null) {
                continue;
            }
            if (range[0] != null && (from == null || range[0].isAfter(from))) {
                from = range[0];
            }
            if (range[1] != null && (until == null || range[1].isBefore(until))) {
                until = range[1];
            }
        }
        int count = number(params, "_count", FhirTaskSearch.DEFAULT_COUNT, 1, FhirTaskSearch.MAX_COUNT, errors);
        int offset = number(params, "_offset", 0, 0, MAX_OFFSET, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new FhirTaskSearch(List.copyOf(statuses), focus, owner, from, true, until, false, count, offset);
    }

    /** The instants a {@code _lastUpdated} value admits: [from, until), either end open (null). */
    private static Instant[] lastUpdated(String value, List<Violation> errors) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String when = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
        Instant low;
        Instant high;
        try {
            if (when.length() == 10) {
                low = LocalDate.parse(when).atStartOfDay().toInstant(ZoneOffset.UTC);
                high = low.plus(1, ChronoUnit.DAYS);
            } else {
                low = OffsetDateTime.parse(when).toInstant();
                high = low.plusMillis(1);
            }
        } catch (DateTimeParseException e) {
            errors.add(Violation.atParameter("_lastUpdated", "'" + value + "' is not [eq|ge|gt|le|lt] followed by a date "
                    + "(2026-12-01) or a date-time with offset (2026-12-01T08:00:00Z)"));
            return null;
        }
        return switch (prefix) {
            case "eq" -> new Instant[]{low, high};
            case "ge" -> new Instant[]{low, null};
            case "gt" -> new Instant[]{high, null};
            case "le" -> new Instant[]{null, high};
            case "lt" -> new Instant[]{null, low};
            default -> {
                errors.add(Violation.atParameter("_lastUpdated", "prefix '" + prefix + "' is not supported: eq, ge, gt, le, lt"));
                yield null;
            }
        };
    }

    private static UUID reference(Map<String, List<String>> params, String name, String type, List<Violation> errors) {
        List<String> values = values(params, name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(Violation.atParameter(name, "give it once"));
            return null;
        }
        String value = values.get(0);
        String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            errors.add(Violation.atParameter(name, "must be " + type + "/<id> or the id"));
            return null;
        }
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max,
                              List<Violation> errors) {
        List<String> values = values(params, name);
        if (values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(Violation.atParameter(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }
}
