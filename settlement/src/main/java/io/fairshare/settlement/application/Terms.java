package io.fairshare.settlement.application;

import io.fairshare.contracts.errors.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairshare.service.rest.ApiProblem;
import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.period.PeriodCalendar;
import io.fairshare.settlement.domain.tariff.RevenueDeclaration;
import io.fairshare.settlement.domain.tariff.StatutoryScheme;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.TariffValidator;
import io.fairshare.settlement.persistence.TermsStore;
import io.fairshare.service.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tariffs, the statutory scheme and revenue declarations: validated by the domain, stored as JSON with their audit row. */
@ApplicationScoped
public class Terms {
    /** How a tariff PUT ended. */
    public enum Put {
        CREATED, UNCHANGED
    }

    private final TermsStore store;
    private final ObjectMapper json;
    private final PeriodCalendar calendar;

    public Terms(TermsStore store, ObjectMapper json, PeriodCalendar calendar) {
        this.store = store;
        this.json = json;
        this.calendar = calendar;
    }

    /**
     * Stores tariff {@code id}. A tariff id names one immutable version: the same body again is
     * {@code UNCHANGED}, a different body under an existing id is 409 (publish a new id).
     */
    public Put putTariff(Caller actor, String id, Tariff body) {
        if (body == null) {
            throw ApiProblem.invalid("a tariff body is required", List.of());
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw ApiProblem.invalid("the body's id differs from the path's",
                    List.of(new FieldError("id", "ID_MISMATCH", "id must be " + id + " or absent")));
        }
        Tariff t = new Tariff(id, body.currency(), body.unitRates(), body.minimumFee(), body.revenueShare(), body.trainingFee());
        List<FieldError> errors = TariffValidator.validate(t);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the tariff is not valid", errors);
        }
        String text = write(t);
        Optional<String> existing = store.insertTariff(actor, id, text);
        if (existing.isEmpty()) {
            return Put.CREATED;
        }
        if (existing.get().equals(text)) {
            return Put.UNCHANGED;
        }
        throw ApiProblem.conflict("tariff-immutable", "tariff " + id + " exists with other terms; a changed tariff is a new id");
    }

    public Optional<Tariff> tariff(String id) {
        return store.tariff(id).map(s -> read(s, Tariff.class));
    }

    public Map<String, Tariff> tariffs() {
        Map<String, Tariff> out = new HashMap<>();
        for (Map.Entry<String, String> e : store.tariffs().entrySet()) {
            out.put(e.getKey(), read(e.getValue(), Tariff.class));
        }
        return out;
    }

    public StatutoryScheme putStatutoryScheme(Caller actor, StatutoryScheme scheme) {
        if (scheme == null) {
            throw ApiProblem.invalid("a statutory scheme body is required", List.of());
        }
        List<FieldError> errors = TariffValidator.validate(scheme);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the statutory scheme is not valid", errors);
        }
        String text = write(scheme);
        store.putStatutoryScheme(actor, text);
        return scheme;
    }

    public Optional<StatutoryScheme> statutoryScheme() {
        return store.statutoryScheme().map(s -> read(s, StatutoryScheme.class));
    }

    /** Stores a platform's revenue for an open period; 409 once the period has begun closing. */
    public void declareRevenue(Caller actor, String platformId, String periodId, BigDecimal amount) {
        Period p = period(periodId);
        List<FieldError> errors = new ArrayList<>();
        if (amount == null) {
            errors.add(new FieldError("amount", "REQUIRED", "amount is required (a decimal string, 0 for no revenue)"));
        } else if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "NEGATIVE", "amount must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("the declaration is not valid", errors);
        }
        if (!store.putRevenue(actor, platformId, p.id(), amount)) {
            throw ApiProblem.conflict("period-not-open", "period " + p.id() + " has begun closing; its revenue is fixed");
        }
    }

    public List<RevenueDeclaration> revenue(String periodId) {
        List<RevenueDeclaration> out = new ArrayList<>();
        store.revenue(periodId).forEach((platform, amount) -> out.add(new RevenueDeclaration(platform, amount)));
        return out;
    }

    public Period period(String periodId) {
        return calendar.parse(periodId).orElseThrow(() -> ApiProblem.notFound("no period " + periodId + " in this calendar"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not read back", e);
        }
    }
}
