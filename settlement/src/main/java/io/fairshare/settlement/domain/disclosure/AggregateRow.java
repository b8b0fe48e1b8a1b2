package io.fairshare.settlement.domain.disclosure;

/**
 * One stored aggregate of a model's usage in a period: its work category, usage type, society (null: none)
 * and licence status, with {@code events}/{@code units} counting each event once (they sum to the model's
 * totals) and {@code groupEvents}/{@code groupUnits} counting an event in every (society, status) it touches.
 */
public record AggregateRow(String workCategory, String usageType, String societyId, String status, long events, long units,
                           long groupEvents, long groupUnits) {
}
