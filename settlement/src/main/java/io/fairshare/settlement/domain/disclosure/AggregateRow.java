package io.fairshare.settlement.domain.disclosure;

/**
 * One stored aggregate of a model's usage in a period: its work category, usage type, society (null: none) and
 * licence status, with {@code events}/{@code units} counting each event once (they sum to the model's totals),
 * {@code societyEvents}/{@code societyUnits} once per society the event's lines name, and
 * {@code statusEvents}/{@code statusUnits} once per licence status they carry.
 */
public record AggregateRow(String workCategory, String usageType, String societyId, String status, long events, long units,
                           long societyEvents, long societyUnits, long statusEvents, long statusUnits) {
}
