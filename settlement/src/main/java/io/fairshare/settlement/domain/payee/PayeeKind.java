package io.fairshare.settlement.domain.payee;

/** Who a statement is addressed to: a society, or a rights holder paid directly (no society). */
public enum PayeeKind {
    SOCIETY,
    PARTY
}
