package io.fairshare.registry.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, never the whole file. Fields are separated by commas; a
 * field enclosed in double quotes may contain commas, line breaks and doubled double quotes ({@code ""} for
 * {@code "}); records end with CRLF, LF or CR. A byte order mark at the start is skipped. A record that breaks the
 * rules is returned with an {@code error} and the reader continues with the next line.
 */
final class CsvReader {
    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long line = 1;
    private boolean started;
    private int pushedBack = -2;

    /**
     * @param line   the physical line the record starts on
     * @param fields the fields, unquoted
     * @param error  null, or why the record is malformed (its fields are then incomplete)
     * @param column 1-based field position of the error, or 0
     */
    record Record(long line, List<String> fields, String error, int column) {
        boolean isBlank() {
            return error == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    CsvReader(Reader in) {
        this.in = in;
    }

    /** Physical lines consumed so far. */
    long linesRead() {
        return line - 1;
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        if (!started) {
            started = true;
            int c = read();
            if (c != '\uFEFF' && c != -1) {
                unread(c);
            } else if (c == -1) {
                return null;
            }
        }
        int c = read();
        if (c == -1) {
            return null;
        }
        unread(c);
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            c = read();
            if (c == '"') {
                if (field.length() > 0) {
                    return malformed(start, fields, "a double quote inside an unquoted field; enclose the field in"
                            + " double quotes and double the quote (\"\")", fields.size() + 1);
                }
                long quoteLine = line;
                while (true) {
                    c = read();
                    if (c == -1) {
                        return new Record(start, fields, "quoted field opened on line " + quoteLine
                                + " is never closed", fields.size() + 1);
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                            continue;
                        }
                        unread(d);
                        break;
                    }
                    if (c == '\n' || c == '\r') {
                        if (c == '\r') {
                            int d = read();
                            if (d != '\n') {
                                unread(d);
                            }
                            field.append('\r').append('\n');
                        } else {
                            field.append('\n');
                        }
                        line++;
                        continue;
                    }
                    field.append((char) c);
                }
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    return malformed(start, fields, "characters after the closing double quote of a quoted field",
                            fields.size() + 1);
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                endOfLine(c);
                return new Record(start, fields, null, 0);
            } else {
                field.append((char) c);
            }
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                unread(d);
            }
        }
        if (c != -1) {
            line++;
        }
    }

    /** Skips the rest of the physical line and returns the malformed record. */
    private Record malformed(long start, List<String> fields, String error, int column) throws IOException {
        int c;
        do {
            c = read();
        } while (c != '\n' && c != '\r' && c != -1);
        endOfLine(c);
        return new Record(start, fields, error, column);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
