package io.tiempocheck.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "usuarios")
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "nombre", nullable = false)
    public String name;

    @Column(name = "tz", nullable = false)
    public String timeZone;

    /** The login name of an account its owner created; null for users the operator created. */
    @Column(name = "usuario")
    public String login;

    @Column(name = "contrasena_hash")
    public String passwordHash;

    @Column(name = "activo", nullable = false)
    public boolean active = true;

    @Column(name = "creado_en", insertable = false, updatable = false)
    public Instant createdAt;
}
