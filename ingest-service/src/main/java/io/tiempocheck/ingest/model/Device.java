package io.tiempocheck.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "dispositivos")
public class Device extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "usuario_id", nullable = false)
    public Long userId;

    @Column(name = "nombre", nullable = false)
    public String name = "Navegador";

    @Column(name = "creado_en", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "visto_en")
    public Instant lastSeen;

    @Column(name = "revocado_en")
    public Instant revokedAt;
}
