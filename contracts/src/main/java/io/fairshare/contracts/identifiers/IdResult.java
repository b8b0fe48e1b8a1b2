package io.fairshare.contracts.identifiers;

/**
 * The outcome of validating and normalising one identifier: either {@code id} is set, or
 * {@code errorCode} (a stable machine code such as "ISWC_CHECK_DIGIT") and {@code message}
 * (a sentence a platform engineer can act on) are.
 */
public record IdResult(WorkId id, String errorCode, String message) {
    public static IdResult ok(WorkId id) {
        return new IdResult(id, null, null);
    }

    public static IdResult error(String code, String message) {
        return new IdResult(null, code, message);
    }

    public boolean isOk() {
        return id != null;
    }
}
