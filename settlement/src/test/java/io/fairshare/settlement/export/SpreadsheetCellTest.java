package io.fairshare.settlement.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {
    @Test
    void everyFormulaLeaderOfOwaspGetsAQuote() {
        assertEquals("'=HYPERLINK(\"http://evil\",\"x\")", SpreadsheetCell.guard("=HYPERLINK(\"http://evil\",\"x\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetCell.guard("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetCell.guard("-2+3"));
        assertEquals("'@SUM(A1:A9)", SpreadsheetCell.guard("@SUM(A1:A9)"));
        assertEquals("'\t=1", SpreadsheetCell.guard("\t=1"));
        assertEquals("'\r=1", SpreadsheetCell.guard("\r=1"));
    }

    @Test
    void numbersAndOrdinaryTextAreUntouched() {
        assertEquals("-600", SpreadsheetCell.guard("-600"));
        assertEquals("-0.75", SpreadsheetCell.guard("-0.75"));
        assertEquals("+12", SpreadsheetCell.guard("+12"));
        assertEquals("W2", SpreadsheetCell.guard("W2"));
        assertEquals("a=b", SpreadsheetCell.guard("a=b"));
        assertEquals("", SpreadsheetCell.guard(""));
        assertNull(SpreadsheetCell.guard(null));
    }
}
