package io.fairshare.settlement.domain.outcome;

/**
 * Why a close could not be computed: a stable code, what it is about (e.g. {@code tariff T-1},
 * {@code row 12}, {@code event p1/e-7}) and a sentence an operator can act on.
 */
public record CloseError(String code, String subject, String message) implements Comparable<CloseError> {
    @Override
    public int compareTo(CloseError o) {
        int c = code.compareTo(o.code);
        if (c != 0) {
            return c;
        }
        c = subject.compareTo(o.subject);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
