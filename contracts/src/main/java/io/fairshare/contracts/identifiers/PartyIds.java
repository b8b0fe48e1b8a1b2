package io.fairshare.contracts.identifiers;

/** Validation and normalisation of party identifiers: ISNI (ISO 27729) and CISAC IPI name numbers. */
public final class PartyIds {
    private PartyIds() {
    }

    /** 16 characters, ISO 7064 MOD 11-2 check character; spaces and hyphens dropped. */
    public static PartyIdResult normalizeIsni(String raw) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** IPI name number: 11 digits (left-padded with zeros), with its mod-101 check. */
    public static PartyIdResult normalizeIpi(String raw) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Either {@code value} (canonical) or {@code errorCode} and {@code message}. */
    public record PartyIdResult(String value, String errorCode, String message) {
        public static PartyIdResult ok(String value) {
            return new PartyIdResult(value, null, null);
        }

        public static PartyIdResult error(String code, String message) {
            return new PartyIdResult(null, code, message);
        }

        public boolean isOk() {
            return value != null;
        }
    }
}
