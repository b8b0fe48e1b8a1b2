package io.fairshare.settlement.domain.usage;

/**
 * The part of one statement line's usage that one model (id and version) made: {@code row} carries
 * the line's key and this model's {@code events}, {@code units} and {@code attributedUnits}, i.e. what
 * {@code GROUP BY} the line's key plus {@code model_id, model_version} returns. Rows of usage stored
 * before the ledger kept the model have null ids.
 */
public record ModelUsage(UsageRow row, String modelId, String modelVersion) {
}
