package org.studentsupport.oversight;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The record export as a printable page: the same {@link StudentRecord}, as plain HTML (templates/record/page.html). */
@CheckedTemplate(basePath = "record")
public final class RecordPage {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RecordPage() {
    }

    static native TemplateInstance page(StudentRecord record);

    /** A time as a family reads it: date and time of day in UTC, to the second. */
    @TemplateExtension
    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** A list of labels on one line. */
    @TemplateExtension
    static String joined(List<String> items) {
        return String.join("; ", items);
    }

    /** The data a disclosure sent, one "field: value" per item. */
    @TemplateExtension
    static String sent(java.util.Map<String, Object> data) {
        return data.entrySet().stream().map(e -> e.getKey() + ": " + plain(e.getValue()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String plain(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + " " + plain(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordPage::plain).collect(java.util.stream.Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /** A yes-or-no field in words. */
    @TemplateExtension
    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
