package io.fairshare.registry.application;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.licence.PlatformId;
import io.fairshare.registry.domain.resolution.Resolution;
import io.fairshare.registry.domain.resolution.ResolutionLine;
import io.fairshare.registry.domain.resolution.Resolver;
import io.fairshare.registry.domain.resolution.UsageQuery;
import io.fairshare.registry.domain.scope.Territory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A dry run of the {@link Resolver} against this instance's live index, for auditors: nothing is published. */
@ApplicationScoped
public class ResolutionPreview {
    private final CatalogueState state;

    public ResolutionPreview(CatalogueState state) {
        this.state = state;
    }

    public ObjectNode preview(WorkId work, PlatformId platform, Territory territory, LocalDate day) {
        Resolution r = new Resolver(state.index()).resolve(
                new UsageQuery(platform, List.of(work), day.atStartOfDay().toInstant(ZoneOffset.UTC), territory));
        ObjectNode n = CatalogueJson.MAPPER.createObjectNode();
        if (r instanceof Resolution.Unmatched u) {
            n.put("matched", false);
            n.put("reason", u.reason().name());
            n.put("detail", u.detail());
            return n;
        }
        Resolution.Matched m = (Resolution.Matched) r;
        n.put("matched", true);
        n.put("work", m.work().key().key());
        n.put("dayOfUse", m.dayOfUse().toString());
        n.put("rightType", m.rightType() == null ? null : m.rightType().name());
        n.put("shareTerritory", m.shareTerritory() == null ? null : m.shareTerritory().code());
        n.put("overClaimed", m.overClaimed());
        ArrayNode conflicts = n.putArray("conflictingWorks");
        m.conflictingWorks().forEach(w -> conflicts.add(w.key()));
        ArrayNode lines = n.putArray("lines");
        for (ResolutionLine l : m.lines()) {
            ObjectNode ln = lines.addObject();
            ln.put("party", l.party() == null ? null : l.party().value());
            ln.put("society", l.society() == null ? null : l.society().value());
            ln.put("basisPoints", l.basisPoints());
            ln.put("claimedBasisPoints", l.claimedBasisPoints());
            ln.put("status", l.status().name());
            ln.put("tariff", l.tariff() == null ? null : l.tariff().value());
            ln.put("disputed", l.disputed());
            ln.put("reservedBy", l.reservedBy() == null ? null : l.reservedBy().name());
        }
        return n;
    }
}
