package org.studentsupport.roster.oneroster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one CSV file of a bundle row by row (RFC 4180 through Commons CSV), checks its header
 * against the required columns, and hands each well-formed row to a consumer. Problems with the
 * file itself (encoding, header, field counts) go to the problem list.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvTable() {
    }

    /** One data row, with its line number (the header is line 1). */
    static final class Row {
        final String file;
        final long line;
        private final CSVRecord record;
        private final Map<String, Integer> index;

        Row(String file, long line, CSVRecord record, Map<String, Integer> index) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.index = index;
        }

        /** The trimmed value of a column, or null when the cell is empty or the column is missing. */
        String get(String column) {
            Integer i = index.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String value = record.get(i);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        /** The untrimmed value, for checks that care about leading characters. */
        String raw(String column) {
            Integer i = index.get(column);
            return i == null || i >= record.size() ? null : record.get(i);
        }

        boolean has(String column) {
            return index.containsKey(column);
        }
    }

    /**
     * Reads a file. Returns false when the file could not be read to its end (its problems are
     * reported); the rows read until then have been handed over.
     */
    static boolean read(Reader reader, String file, List<String> required, Problems problems, Consumer<Row> consumer) {
        long line = 0;
        try (reader; CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(file, 1, null, "The file is empty; it must have at least its header row");
                return false;
            }
            CSVRecord header = records.next();
            line = 1;
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (name.isEmpty()) {
                    problems.add(file, 1, "#" + (i + 1), "Header column " + (i + 1) + " has no name");
                    continue;
                }
                if (index.putIfAbsent(name, i) != null) {
                    problems.add(file, 1, name, "Column '" + name + "' appears twice in the header");
                }
            }
            boolean headerOk = true;
            for (String column : required) {
                if (!index.containsKey(column)) {
                    problems.add(file, 1, column, "Required column '" + column + "' is missing from the header");
                    headerOk = false;
                }
            }
            if (!headerOk) {
                return false;
            }
            int width = header.size();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line = record.getRecordNumber();
                if (record.size() != width) {
                    problems.add(file, line, null, "The row has " + record.size() + " fields; the header has " + width);
                    continue;
                }
                consumer.accept(new Row(file, line, record, index));
            }
            return true;
        } catch (UncheckedIOException e) {
            return failed(e.getCause(), file, line, problems);
        } catch (IOException e) {
            return failed(e, file, line, problems);
        }
    }

    private static boolean failed(IOException e, String file, long line, Problems problems) {
        if (e instanceof CharacterCodingException) {
            problems.add(file, line + 1, null, "The file is not valid UTF-8 (first bad byte at or near line " + (line + 1)
                    + "); export it as UTF-8");
        } else {
            problems.add(file, line + 1, null, "The file could not be read as CSV near line " + (line + 1) + ": "
                    + (e.getMessage() == null ? "malformed" : e.getMessage()));
        }
        return false;
    }
}
