package io.fairshare.settlement.application;

/** Who is asking: the operator, a society (read side), or a platform (read side, revenue declarations). */
public record Caller(Role role, String id) {
    public enum Role {
        OPERATOR, SOCIETY, PLATFORM
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this caller may read a statement addressed to {@code addresseeId} of {@code kind} (SOCIETY, PARTY, PLATFORM). */
    public boolean mayRead(String kind, String addresseeId) {
        return switch (role) {
            case OPERATOR -> true;
            case SOCIETY -> "SOCIETY".equals(kind) && id.equals(addresseeId);
            case PLATFORM -> "PLATFORM".equals(kind) && id.equals(addresseeId);
        };
    }
}
