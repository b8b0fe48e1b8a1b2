package io.fairshare.contracts.identifiers;

/**
 * Validation (formats, check digits) and normalisation of work identifiers. Plain Java, no
 * framework: the same rules serve ingest (reject bad input) and the registry (store and look up).
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** Validates {@code raw} as an identifier of {@code scheme} and returns its canonical form. */
    public static IdResult normalize(IdScheme scheme, String raw) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
