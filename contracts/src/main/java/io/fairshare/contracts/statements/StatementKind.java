package io.fairshare.contracts.statements;

/**
 * Whose statement: a society's, a party's paid directly (no society; same shape as a society's),
 * or a platform's.
 */
public enum StatementKind {
    SOCIETY, PARTY, PLATFORM
}
