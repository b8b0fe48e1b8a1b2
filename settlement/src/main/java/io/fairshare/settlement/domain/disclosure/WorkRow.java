package io.fairshare.settlement.domain.disclosure;

/** One work's usage by a model in a period, per society (null: none) and licence status. */
public record WorkRow(String workId, String societyId, String status, long events, long units) {
}
