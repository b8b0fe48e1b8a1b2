package io.fairshare.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Record> read(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Record> out = new ArrayList<>();
        CsvReader.Record r;
        while ((r = reader.next()) != null) {
            out.add(r);
        }
        return out;
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvReader.Record> records = read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,\"\"\r\nlast,row,x");

        assertEquals(3, records.size());
        assertEquals(List.of("a", "b, c", "say \"hi\""), records.get(0).fields());
        assertEquals(1, records.get(0).line());
        assertEquals(List.of("two\r\nlines", "", ""), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("last", "row", "x"), records.get(2).fields());
        assertEquals(4, records.get(2).line());
    }

    @Test
    void lfAndCrLineEndingsAndAByteOrderMarkAreAccepted() throws IOException {
        List<CsvReader.Record> records = read("\uFEFFh1,h2\nx,y\ry,z\n");

        assertEquals(List.of(List.of("h1", "h2"), List.of("x", "y"), List.of("y", "z")),
                records.stream().map(CsvReader.Record::fields).toList());
        assertEquals(List.of(1L, 2L, 3L), records.stream().map(CsvReader.Record::line).toList());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsReportedAndReadingContinuesOnTheNextLine() throws IOException {
        List<CsvReader.Record> records = read("a,b\"c\",d\ne,f\n");

        assertEquals(2, records.size());
        assertEquals(2, records.get(0).column());
        assertEquals("a double quote inside an unquoted field; enclose the field in double quotes and double the"
                + " quote (\"\")", records.get(0).error());
        assertNull(records.get(1).error());
        assertEquals(List.of("e", "f"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
    }

    @Test
    void textAfterAClosingQuoteAndAnUnclosedQuoteAreReported() throws IOException {
        List<CsvReader.Record> records = read("\"a\"b,c\nd,\"open\nstill open");

        assertEquals("characters after the closing double quote of a quoted field", records.get(0).error());
        assertEquals(1, records.get(0).column());
        assertEquals("quoted field opened on line 2 is never closed", records.get(1).error());
        assertEquals(2, records.get(1).column());
        assertEquals(2, records.size());
    }
}
