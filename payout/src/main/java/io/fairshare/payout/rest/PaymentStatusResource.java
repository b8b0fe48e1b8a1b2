package io.fairshare.payout.rest;

import io.fairshare.payout.application.Authenticator;
import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.PaymentStatus;
import io.fairshare.payout.rest.Views.PaymentStatusView;
import io.fairshare.payout.rest.Views.StatusRequest;
import io.fairshare.service.rest.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** A payment's status as the bank reports it: SENT, SETTLED, FAILED, RETURNED. A repeated notification changes nothing. */
@Path("/v1/payments/{endToEndId}/status")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentStatusResource {
    private static final Set<String> REPORTABLE = Set.of("SENT", "SETTLED", "FAILED", "RETURNED");

    private final Authenticator auth;
    private final PayoutService service;

    public PaymentStatusResource(Authenticator auth, PayoutService service) {
        this.auth = auth;
        this.service = service;
    }

    @POST
    public PaymentStatusView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("endToEndId") String endToEndId,
                                    StatusRequest body) {
        auth.operator(authorization);
        if (body == null || body.status() == null || !REPORTABLE.contains(body.status())) {
            throw ApiProblem.invalid("status must be one of SENT, SETTLED, FAILED, RETURNED", null);
        }
        return PaymentStatusView.of(service.updatePaymentStatus(endToEndId, PaymentStatus.valueOf(body.status()), body.reason()));
    }
}
