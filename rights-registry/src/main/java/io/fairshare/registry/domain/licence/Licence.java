package io.fairshare.registry.domain.licence;

import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Validity;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An agreement between a platform and a licensor (a society, or {@link SocietyId#STATUTORY} for the statutory
 * scheme) over a date range (both ends inclusive, null = unbounded), naming the tariff settlement applies.
 */
public record Licence(PlatformId platform, SocietyId licensor, LocalDate validFrom, LocalDate validTo, TariffId tariff) {
    public Licence {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(licensor, "licensor");
        Objects.requireNonNull(tariff, "tariff");
        String p = Validity.problem(validFrom, validTo);
        if (p != null) {
            throw new IllegalArgumentException(p);
        }
    }

    /** The natural key: one licence per (platform, licensor, validFrom). */
    public Key key() {
        return new Key(platform, licensor, validFrom);
    }

    public boolean coversDay(LocalDate day) {
        return Validity.covers(validFrom, validTo, day);
    }

    /** The licence of {@code licences} (one platform's with one licensor) in force on {@code day}: the latest {@code validFrom} of those covering it; null if none. */
    public static Licence inForceOn(Licence[] licences, LocalDate day) {
        Licence best = null;
        for (Licence l : licences) {
            if (l.coversDay(day) && (best == null || Validity.compareStart(l.validFrom, best.validFrom) > 0)) {
                best = l;
            }
        }
        return best;
    }

    public record Key(PlatformId platform, SocietyId licensor, LocalDate validFrom) {
        public Key {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(licensor, "licensor");
        }

        /**
         * The licence's catalogue key, {@code licence|<platform>|<licensor>|<validFrom or empty>}: the key of its
         * changes on the catalogue topic, and the {@code licenceId} of the resolved lines it covers.
         */
        public String id() {
            return "licence|" + platform.value() + "|" + licensor.value() + "|" + (validFrom == null ? "" : validFrom);
        }
    }
}
