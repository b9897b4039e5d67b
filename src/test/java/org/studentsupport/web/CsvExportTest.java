package org.studentsupport.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        String csv = CsvExport.of(List.of("a", "b", "c", "d", "e"), List.of("row"),
                row -> List.of("=SUM(A1)", "+1", "-2", "@cmd", "\tx"));
        assertEquals("a,b,c,d,e\r\n'=SUM(A1),'+1,'-2,'@cmd,'\tx\r\n", csv);
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuotedAndNullIsEmpty() {
        String csv = CsvExport.of(List.of("x", "y", "z"), List.of("row"),
                row -> Arrays.asList("a,b", "say \"hi\"", null));
        assertEquals("x,y,z\r\n\"a,b\",\"say \"\"hi\"\"\",\r\n", csv);
        String multiline = CsvExport.of(List.of("x"), List.of("row"), row -> List.of("one\ntwo"));
        assertEquals("x\r\n\"one\ntwo\"\r\n", multiline);
    }

    @Test
    void aStreamedExportWritesUtf8AndLeavesTheStreamOpen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport csv = CsvExport.to(out, List.of("name"));
        csv.row(List.of("Zoë"));
        csv.flush();
        out.write('!');
        assertEquals("name\r\nZoë\r\n!", out.toString(StandardCharsets.UTF_8));
    }
}
