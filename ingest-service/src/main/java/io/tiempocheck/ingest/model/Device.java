package io.tiempocheck.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "dispositivos")
public class Device extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "usuario_id", nullable = false)
    public Long userId;
}
