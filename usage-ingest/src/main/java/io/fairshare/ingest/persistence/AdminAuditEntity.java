package io.fairshare.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One administrative change (platforms, keys): who, as which role, did what to which subject. */
@Entity
@Table(name = "admin_audit")
public class AdminAuditEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_name", nullable = false)
    public String actorName;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String detail;

    public static List<AdminAuditEntity> forSubject(String subject) {
        return list("subject = ?1 order by id", subject);
    }
}
