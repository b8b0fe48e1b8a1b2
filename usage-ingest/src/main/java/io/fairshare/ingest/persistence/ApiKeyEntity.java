package io.fairshare.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "api_key")
public class ApiKeyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "platform_id", nullable = false)
    public String platformId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static List<ApiKeyEntity> forPlatform(String platformId) {
        return list("platformId = ?1 order by createdAt", platformId);
    }

    public boolean usableAt(Instant now) {
        return (revokedAt == null || revokedAt.isAfter(now)) && (expiresAt == null || expiresAt.isAfter(now));
    }
}
