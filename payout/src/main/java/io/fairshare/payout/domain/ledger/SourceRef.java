package io.fairshare.payout.domain.ledger;

import java.util.Objects;

/** The document a ledger transaction comes from: a statement, a receipt, a payment or a holdback release. */
public record SourceRef(SourceKind kind, String id) {
    public SourceRef {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a source needs an id");
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
