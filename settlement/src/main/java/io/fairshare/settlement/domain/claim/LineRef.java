package io.fairshare.settlement.domain.claim;

/**
 * An issued line, as the transparency log names it: the statement, the section ({@code lines}, {@code adjustments},
 * {@code violations}, {@code held} of a payee statement; {@code unclaimed}, {@code disputed} of a platform statement)
 * and the 0-based position in that section. Stable: an issued statement never changes.
 */
public record LineRef(String statementId, String section, int lineNumber) {
    public String text() {
        return statementId + " " + section + "[" + lineNumber + "]";
    }
}
