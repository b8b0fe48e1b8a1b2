package io.fairshare.settlement.domain.payee;


import java.util.Comparator;

/** The receiver of a statement's money: a society, or a party paid directly. */
public record Payee(PayeeKind kind, String id) implements Comparable<Payee> {
    private static final Comparator<Payee> ORDER = Comparator.comparing(Payee::kind).thenComparing(Payee::id);

    @Override
    public int compareTo(Payee o) {
        return ORDER.compare(this, o);
    }
}
