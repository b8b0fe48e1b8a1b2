package io.fairshare.payout.rest;

import io.fairshare.service.security.CurrentCaller;
import io.fairshare.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.fairshare.payout.application.PayoutService;
import io.fairshare.payout.rest.Views.BankDetailsView;
import io.fairshare.service.rest.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Bank details of a payee: a society, or a party paid directly (its party id). Both paths write the same
 * register, keyed by the payee id the ledger uses; a registration replaces the previous one, and a run keeps
 * the details it was planned with.
 */
@Path("/v1")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BankDetailsResource {
    private final CurrentCaller caller;
    private final PayoutService service;

    public BankDetailsResource(CurrentCaller caller, PayoutService service) {
        this.caller = caller;
        this.service = service;
    }

    @PUT
    @Path("/societies/{societyId}/bank-details")
    public BankDetailsView society(@PathParam("societyId") String societyId,
                                   BankDetailsView body) {
        return register(societyId, body);
    }

    @PUT
    @Path("/payees/{payeeId}/bank-details")
    public BankDetailsView payee(@PathParam("payeeId") String payeeId,
                                 BankDetailsView body) {
        return register(payeeId, body);
    }

    private BankDetailsView register(String payeeId, BankDetailsView body) {
        if (body == null) {
            throw ApiProblem.invalid("a JSON body with holderName, country, iban or accountNumber, bic or bankCode is required", null);
        }
        return BankDetailsView.of(service.registerBankDetails(caller.get(), payeeId, body.toDomain()));
    }
}
