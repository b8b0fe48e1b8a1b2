package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.money.LargestRemainder;
import io.fairshare.settlement.domain.pricing.PricedLine;
import io.fairshare.settlement.domain.pricing.Receiver;
import io.fairshare.settlement.domain.usage.UsageRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rounding, once: lines are grouped by {@code (platform, receiver)}, the receiver being a payee or a
 * holdback. The group's exact total is rounded to the minor unit with the configured mode, and that
 * total is spread over the group's lines by {@link LargestRemainder#round}, ties going to the line that
 * sorts first ({@link UsageRow#KEY_ORDER}). Every other figure of a statement is a sum of rounded lines.
 */
public final class StatementRounding {
    /** The lines of one platform to one receiver: rounded together. */
    private record RoundingGroup(String platformId, Receiver receiver) {
    }

    private final int scale;
    private final RoundingMode totalRounding;

    public StatementRounding(int scale, RoundingMode totalRounding) {
        this.scale = scale;
        this.totalRounding = totalRounding;
    }

    /** Sets every line's minor units; {@code lines} must be in {@link UsageRow#KEY_ORDER}. */
    public void round(List<PricedLine> lines) {
        Map<RoundingGroup, List<PricedLine>> groups = new HashMap<>();
        for (PricedLine l : lines) {
            // Lines arrive in KEY_ORDER, so every group's list is in KEY_ORDER too: the tie-break order.
            groups.computeIfAbsent(new RoundingGroup(l.row().platformId(), l.receiver()), k -> new ArrayList<>()).add(l);
        }
        for (List<PricedLine> group : groups.values()) {
            List<BigDecimal> exact = new ArrayList<>(group.size());
            BigDecimal total = BigDecimal.ZERO;
            for (PricedLine l : group) {
                exact.add(l.exact());
                total = total.add(l.exact());
            }
            long rounded = total.setScale(scale, totalRounding).unscaledValue().longValueExact();
            long[] parts = LargestRemainder.round(exact, rounded, scale);
            for (int i = 0; i < parts.length; i++) {
                group.get(i).minor(parts[i]);
            }
        }
    }
}
