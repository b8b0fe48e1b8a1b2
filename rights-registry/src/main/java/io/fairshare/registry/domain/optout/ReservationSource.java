package io.fairshare.registry.domain.optout;

/** Where an opt-out came from. */
public enum ReservationSource {
    /** W3C TDM Reservation Protocol (tdm-reservation in HTTP headers, HTML meta or /.well-known/tdmrep.json). */
    TDMREP,
    /** A C2PA manifest's training-and-data-mining assertion. */
    C2PA,
    /** A do-not-train registry entry. */
    DO_NOT_TRAIN_REGISTRY,
    /** A request made directly to the registry by the rights holder or its society. */
    DIRECT_REQUEST
}
