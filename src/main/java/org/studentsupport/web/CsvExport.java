package org.studentsupport.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * CSV exports that spreadsheets open safely: RFC 4180 (CRLF, quoting only where needed) through
 * Commons CSV, and no cell that a spreadsheet would run as a formula. Null cells are empty.
 */
public final class CsvExport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();

    private final Writer writer;
    private final CSVPrinter printer;

    private CsvExport(Writer writer, List<String> header) throws IOException {
        this.writer = writer;
        this.printer = new CSVPrinter(writer, FORMAT);
        row(header);
    }

    /** A CSV on a stream (UTF-8), header first; the caller {@link #flush()}es it and leaves the stream to its owner. */
    public static CsvExport to(OutputStream output, List<String> header) throws IOException {
        return new CsvExport(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)), header);
    }

    /** A whole CSV in memory, for bounded exports: the header, then one line per row. */
    public static <T> String of(List<String> header, List<T> rows, Function<T, List<?>> cells) {
        try {
            StringWriter out = new StringWriter();
            CsvExport csv = new CsvExport(out, header);
            for (T row : rows) {
                csv.row(cells.apply(row));
            }
            csv.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code text/csv} download named {@code fileName}. */
    public static Response attachment(String fileName, Object body) {
        return Response.ok(body, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A streamed {@code text/csv} download: the body writes its rows when the response is sent. */
    public static Response attachment(String fileName, List<String> header, RowSource rows) {
        StreamingOutput body = output -> {
            CsvExport csv = to(output, header);
            rows.writeTo(csv);
            csv.flush();
        };
        return attachment(fileName, body);
    }

    /** Writes the rows of a streamed export. */
    @FunctionalInterface
    public interface RowSource {
        void writeTo(CsvExport csv) throws IOException;
    }

    /** One line: each value's text, neutralised; null as an empty cell. */
    public CsvExport row(List<?> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(value == null ? null : neutralise(value.toString()));
        }
        printer.printRecord(cells);
        return this;
    }

    public void flush() throws IOException {
        printer.flush();
        writer.flush();
    }

    /** A cell starting with one of {@code = + - @ TAB CR} would run as a formula in a spreadsheet: prefix a quote. */
    public static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
