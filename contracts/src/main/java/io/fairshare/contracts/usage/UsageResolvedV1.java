package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A usage event resolved to its work and rights holders, on
 * {@link io.fairshare.contracts.Topics#USAGE_RESOLVED}, keyed like the accepted event. Schema:
 * {@code schemas/usage-resolved.v1.schema.json}.
 *
 * @param usage        the accepted event, unchanged
 * @param workId       the registry's id of the work
 * @param workCategory music, book, news-article, script, comic, image, video or other
 * @param matchedBy    the identifier that matched
 * @param backClaim    resolved later than accepted, after a catalogue change (it was unmatched)
 * @param lines        one per entitled party, summing to 10000 basis points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageResolvedV1(UsageAcceptedV1 usage, String workId, String workCategory,
                              io.fairshare.contracts.identifiers.WorkId matchedBy, boolean backClaim,
                              List<ResolvedLineV1> lines, Instant resolvedAt) {
    public UsageResolvedV1 {
        lines = List.copyOf(lines);
    }
}
