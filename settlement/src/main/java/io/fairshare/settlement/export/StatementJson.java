package io.fairshare.settlement.export;

import io.fairshare.settlement.domain.statement.PlatformStatement;
import io.fairshare.settlement.domain.statement.SocietyStatement;

/**
 * The JSON export of a statement is its canonical form, byte for byte: what is hashed is what is
 * delivered, so a recipient can check the SHA-256 of the file it received.
 */
public final class StatementJson {
    public static final String MEDIA_TYPE = "application/json";

    private StatementJson() {
    }

    public static byte[] export(SocietyStatement statement) {
        return statement.canonicalForm();
    }

    public static byte[] export(PlatformStatement statement) {
        return statement.canonicalForm();
    }
}
