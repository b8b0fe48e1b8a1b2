package io.fairshare.settlement.domain.pricing;

import io.fairshare.settlement.domain.payee.Payee;
import io.fairshare.settlement.domain.payee.PayeeKind;
import io.fairshare.settlement.domain.usage.LineStatus;
import io.fairshare.settlement.domain.usage.UsageRow;

/** Receives a line's money: a payee (society, or party paid directly), or one of the platform's two holdbacks. */
public record Receiver(Kind kind, String id) {
    public enum Kind { SOCIETY, PARTY, UNCLAIMED, DISPUTED }

    /** UNCLAIMED lines go to the UNCLAIMED holdback, disputed lines to the disputed one, the others to their payee. */
    public static Receiver of(UsageRow row) {
        if (row.status() == LineStatus.UNCLAIMED) {
            return new Receiver(Kind.UNCLAIMED, "UNCLAIMED");
        }
        if (row.disputed()) {
            return new Receiver(Kind.DISPUTED, "DISPUTED");
        }
        return row.societyId() != null ? new Receiver(Kind.SOCIETY, row.societyId()) : new Receiver(Kind.PARTY, row.partyId());
    }

    public Payee payee() {
        return new Payee(kind == Kind.SOCIETY ? PayeeKind.SOCIETY : PayeeKind.PARTY, id);
    }
}
