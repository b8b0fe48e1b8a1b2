package io.fairshare.payout.domain.payment;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;

/**
 * The one place payment status changes are decided:
 *
 * <pre>
 * PLANNED -> SENT -> SETTLED -> RETURNED
 *              \
 *               -> FAILED
 * </pre>
 *
 * The same status again is {@link StatusChange.Unchanged} (a repeated notification). Anything else is refused
 * with a reason.
 */
public final class PaymentStatusMachine {
    private PaymentStatusMachine() {
    }

    public static StatusChange change(PaymentStatus from, PaymentStatus to) {
        if (from == null || to == null) {
            return refuse("a status change needs a current and a requested status");
        }
        if (from == to) {
            return new StatusChange.Unchanged(from);
        }
        boolean allowed = switch (from) {
            case PLANNED -> to == PaymentStatus.SENT;
            case SENT -> to == PaymentStatus.SETTLED || to == PaymentStatus.FAILED;
            case SETTLED -> to == PaymentStatus.RETURNED;
            case FAILED, RETURNED -> false;
        };
        if (allowed) {
            return new StatusChange.Moved(from, to);
        }
        return refuse(from + " -> " + to + ": " + reason(from, to));
    }

    private static String reason(PaymentStatus from, PaymentStatus to) {
        return switch (from) {
            case PLANNED -> "a payment must be SENT to the bank before it can be " + to;
            case SENT -> to == PaymentStatus.RETURNED
                    ? "only a SETTLED payment can be RETURNED; an unexecuted one is FAILED"
                    : "a SENT payment can only become SETTLED or FAILED";
            case SETTLED -> "a SETTLED payment can only be RETURNED";
            case FAILED, RETURNED -> "a " + from + " payment is final; its payable was restored and a later run pays it under a new end-to-end id";
        };
    }

    private static StatusChange refuse(String message) {
        return new StatusChange.Refused(Rejection.of(ErrorCode.ILLEGAL_STATUS_TRANSITION, message));
    }
}
