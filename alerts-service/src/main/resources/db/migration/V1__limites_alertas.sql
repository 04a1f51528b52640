-- alerts-service's own schema: the limits people set and the alerts raised against them.

CREATE TABLE limites (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    usuario_id       BIGINT       NOT NULL,
    categoria        VARCHAR(64)  NULL COMMENT 'a name of the feature store''s categorias, as stored there',
    dominio          VARCHAR(253) NULL COMMENT 'a registrable base domain, normalized as at ingest',
    segundos_diarios INT          NOT NULL,
    umbral_aviso     TINYINT      NOT NULL COMMENT 'percent of segundos_diarios that raises proximidad',
    dias_semana      TINYINT      NOT NULL COMMENT 'bit mask: bit 0 = Monday (1) ... bit 6 = Sunday (7)',
    activo           BOOLEAN      NOT NULL,
    creado_en        DATETIME(3)  NOT NULL COMMENT 'UTC',
    actualizado_en   DATETIME(3)  NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY idx_limites_usuario (usuario_id, activo),
    CONSTRAINT ck_limites_objetivo CHECK ((categoria IS NULL) <> (dominio IS NULL)),
    CONSTRAINT ck_limites_segundos CHECK (segundos_diarios BETWEEN 1 AND 86400),
    CONSTRAINT ck_limites_umbral CHECK (umbral_aviso BETWEEN 1 AND 99)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per (limit, day, level), ever: the unique key is what makes redelivered updates and
-- several replicas harmless. What the limit was is copied in, so the alert reads the same after
-- the limit is edited or deleted.
CREATE TABLE alertas (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    usuario_id      BIGINT       NOT NULL,
    limite_id       BIGINT       NOT NULL,
    dia             DATE         NOT NULL COMMENT 'user-local day',
    nivel           VARCHAR(16)  NOT NULL COMMENT 'proximidad | exceso',
    categoria       VARCHAR(64)  NULL,
    dominio         VARCHAR(253) NULL,
    uso_segundos    BIGINT       NOT NULL,
    limite_segundos INT          NOT NULL,
    umbral_aviso    TINYINT      NOT NULL,
    creada_en       DATETIME(3)  NOT NULL COMMENT 'UTC',
    aceptada_en     DATETIME(3)  NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    UNIQUE KEY uq_alertas_limite_dia_nivel (limite_id, dia, nivel),
    KEY idx_alertas_usuario_id (usuario_id, id),
    KEY idx_alertas_usuario_dia (usuario_id, dia),
    KEY idx_alertas_creada (creada_en),
    CONSTRAINT ck_alertas_nivel CHECK (nivel IN ('proximidad', 'exceso'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A user's alerts are inserted while holding this row's lock, so their ids are allocated in commit
-- order: a stream that has sent alert N never sees an alert < N appear afterwards.
CREATE TABLE alertas_usuario (
    usuario_id BIGINT NOT NULL,
    PRIMARY KEY (usuario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
