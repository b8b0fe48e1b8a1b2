package io.fairshare.settlement.domain.disclosure;

import java.util.List;

/** The groups of one dimension of a report (work category, usage type, society, licence status), largest first. */
public record Dimension(String name, List<Share> groups) {
    public static final String WORK_CATEGORY = "workCategory";
    public static final String USAGE_TYPE = "usageType";
    public static final String SOCIETY = "society";
    public static final String LICENCE_STATUS = "licenceStatus";

    public Dimension {
        groups = List.copyOf(groups);
    }
}
