package io.fairshare.registry.domain.shares;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The right a {@link Share} or a {@link Mandate} is about.
 *
 * <ul>
 *   <li>{@link #TRAINING}: use of the work to train, fine-tune or evaluate an AI model. The right every usage
 *       event of this system is resolved for.</li>
 *   <li>{@link #REPRODUCTION}: the general reproduction right (books, news, images, video).</li>
 *   <li>{@link #MECHANICAL}, {@link #PERFORMANCE}, {@link #SYNCHRONISATION}: the music rights that CISAC CWR
 *       registers as MR, PR and SR ownership shares.</li>
 * </ul>
 *
 * <p><b>Fallback for training</b> ({@link #TRAINING_FALLBACK}): when a work has no TRAINING shares valid for the
 * event, the resolver uses the first right type of TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE that has. Training
 * copies the work, so the reproduction right comes first; in music the mechanical right is the reproduction right;
 * the performance right is the last resort, because for many music works it is the only one registered.
 * SYNCHRONISATION is never used for training.
 */
public enum RightType {
    TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE, SYNCHRONISATION;

    /** The order in which right types are tried when resolving a training use. */
    public static final List<RightType> TRAINING_FALLBACK = List.of(TRAINING, REPRODUCTION, MECHANICAL, PERFORMANCE);

    /** Parses a name, case-insensitive ("training", "MECHANICAL"). */
    public static Optional<RightType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String k = s.trim().toUpperCase(Locale.ROOT);
        for (RightType t : values()) {
            if (t.name().equals(k)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
