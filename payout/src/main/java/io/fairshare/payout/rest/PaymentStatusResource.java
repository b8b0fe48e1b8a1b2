package io.fairshare.payout.rest;

import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.payment.PaymentStatus;
import io.fairshare.payout.rest.Views.PaymentStatusView;
import io.fairshare.payout.rest.Views.StatusRequest;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** A payment's status as the bank reports it: SENT, SETTLED, FAILED, RETURNED. A repeated notification changes nothing. */
@Path("/v1/payments/{endToEndId}/status")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentStatusResource {
    private static final Set<String> REPORTABLE = Set.of("SENT", "SETTLED", "FAILED", "RETURNED");

    private final CurrentCaller caller;
    private final PayoutService service;

    public PaymentStatusResource(CurrentCaller caller, PayoutService service) {
        this.caller = caller;
        this.service = service;
    }

    @POST
    public PaymentStatusView update(@PathParam("endToEndId") String endToEndId,
                                    StatusRequest body) {
        if (body == null || body.status() == null || !REPORTABLE.contains(body.status())) {
            throw ApiProblem.invalid("status must be one of SENT, SETTLED, FAILED, RETURNED", null);
        }
        return PaymentStatusView.of(service.updatePaymentStatus(caller.get(), endToEndId, PaymentStatus.valueOf(body.status()), body.reason()));
    }
}
