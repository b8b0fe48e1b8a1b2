package io.fairshare.settlement.it;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The scheduled close's clock in ScheduledCloseTest (enabled by its profile only): the system clock until set. */
@Alternative
@Singleton
public class MovableClock extends Clock {
    private volatile Instant now;

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        Instant n = now;
        return n != null ? n : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduled close reads instants only");
    }
}
