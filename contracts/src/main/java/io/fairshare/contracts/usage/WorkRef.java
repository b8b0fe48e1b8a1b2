package io.fairshare.contracts.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairshare.contracts.identifiers.WorkId;
import java.util.List;

/** The work an event used: one or more normalised identifiers, and the platform's title if given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkRef(List<WorkId> identifiers, String title) {
    public WorkRef {
        identifiers = List.copyOf(identifiers);
    }
}
