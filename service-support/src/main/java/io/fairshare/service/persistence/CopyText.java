package io.fairshare.service.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format, and the COPY that sends them: settlement's ledger lines and log leaves, the
 * registry's audit, outbox and identifier rows. COPY parses a row far more cheaply than a bound INSERT does.
 */
public final class CopyText {
    private final StringBuilder out;

    public CopyText(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** One field, then a TAB: null as \N, backslash, TAB, CR and LF escaped. */
    public CopyText field(String value) {
        if (value == null) {
            out.append("\\N\t");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        out.append('\t');
        return this;
    }

    /** A field of digits, signs and points only (a number): nothing to escape. */
    public CopyText number(String plain) {
        out.append(plain).append('\t');
        return this;
    }

    /** A bytea field, in hex ({@code \\x...}, its backslash escaped). */
    public CopyText bytes(byte[] value) {
        out.append("\\\\x").append(java.util.HexFormat.of().formatHex(value)).append('\t');
        return this;
    }

    /** Ends the row: the last field's TAB becomes the record's LF. */
    public CopyText endRow() {
        out.setCharAt(out.length() - 1, '\n');
        return this;
    }

    /** Runs {@code copySql} ({@code COPY ... FROM STDIN}) over the rows. */
    public void copy(Connection c, String copySql, String what) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(out.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + what + " failed", e);
        }
    }
}
