package io.fairshare.payout.rest;

import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.rest.Views.PaymentReceivedRequest;
import io.fairshare.payout.rest.Views.ReceiptView;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Money received from a platform, as the bank reported it. The {@code Idempotency-Key} header is required:
 * the same key and content again answers 200 with the same body and posts nothing; the same key with other
 * content is 409.
 */
@Path("/v1/platforms/{platformId}/payments")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsReceivedResource {
    private final CurrentCaller caller;
    private final PayoutService service;

    public PaymentsReceivedResource(CurrentCaller caller, PayoutService service) {
        this.caller = caller;
        this.service = service;
    }

    @APIResponse(responseCode = "201", description = "The receipt, booked",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "200", description = "The same receipt again (same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @POST
    public Response receive(@HeaderParam("Idempotency-Key") String key,
                            @PathParam("platformId") String platformId, PaymentReceivedRequest body) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.invalid("the Idempotency-Key header is required: the same key is the same payment", null);
        }
        if (body == null || body.amountMinor() == null) {
            throw ApiProblem.invalid("a JSON body with currency, amountMinor, receivedOn and bankReference is required", null);
        }
        Receipt receipt = new Receipt(platformId, key.trim(), body.currency(), body.amountMinor(), body.receivedOn(), body.bankReference());
        PayoutService.ReceiptOutcome o = service.receivePayment(caller.get(), receipt);
        return Response.status(o.created() ? 201 : 200).entity(ReceiptView.of(o.receipt(), o.transaction())).build();
    }
}
