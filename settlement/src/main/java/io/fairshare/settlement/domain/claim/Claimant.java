package io.fairshare.settlement.domain.claim;

/** Who raised a claim: a society, a party, or the operator (kind OPERATOR, id the operator's name). */
public record Claimant(Kind kind, String id) {
    public enum Kind {
        SOCIETY, PARTY, OPERATOR
    }
}
