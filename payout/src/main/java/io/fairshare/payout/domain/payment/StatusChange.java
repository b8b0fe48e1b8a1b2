package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.outcome.Rejection;

/** The answer of {@link PaymentStatusMachine}: moved, already there, or refused with a reason. */
public sealed interface StatusChange permits StatusChange.Moved, StatusChange.Unchanged, StatusChange.Refused {
    record Moved(PaymentStatus from, PaymentStatus to) implements StatusChange {
    }

    /** The payment is already in the requested status: a repeated notification, nothing to do. */
    record Unchanged(PaymentStatus status) implements StatusChange {
    }

    record Refused(Rejection rejection) implements StatusChange {
    }
}
