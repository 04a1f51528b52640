-- The feature store. Seconds are stored whole: never truncated to minutes, so hours always sum to days.

CREATE TABLE categorias (
    id     INT         NOT NULL AUTO_INCREMENT,
    nombre VARCHAR(64) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_categorias_nombre (nombre)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE dominio_categoria (
    dominio      VARCHAR(253) NOT NULL,
    categoria_id INT          NOT NULL,
    PRIMARY KEY (dominio),
    CONSTRAINT fk_dominio_categoria FOREIGN KEY (categoria_id) REFERENCES categorias (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every accepted event once: the primary key on event_id is what makes redeliveries harmless.
CREATE TABLE registro (
    event_id         CHAR(36)     NOT NULL,
    usuario_id       BIGINT       NOT NULL,
    device_id        VARCHAR(64)  NULL,
    dominio          VARCHAR(253) NOT NULL,
    fecha_hora       DATETIME(3)  NOT NULL COMMENT 'start of the interval, UTC',
    fecha_hora_local DATETIME(3)  NOT NULL COMMENT 'start of the interval in the user time zone',
    tz               VARCHAR(64)  NOT NULL,
    tiempo           INT          NOT NULL,
    recibido_en      DATETIME(3)  NOT NULL,
    procesado_en     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    lote             CHAR(36)     NOT NULL COMMENT 'consumer batch that inserted the row',
    schema_ver       SMALLINT     NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_registro_usuario_local (usuario_id, fecha_hora_local),
    KEY idx_registro_procesado (procesado_en)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE features_horarias (
    usuario_id     BIGINT       NOT NULL,
    dia            DATE         NOT NULL COMMENT 'user-local day',
    hora           TINYINT      NOT NULL COMMENT 'user-local hour, 0-23',
    dominio        VARCHAR(253) NOT NULL,
    categoria      VARCHAR(64)  NOT NULL,
    segundos       BIGINT       NOT NULL,
    schema_ver     SMALLINT     NOT NULL DEFAULT 1,
    actualizado_en DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (usuario_id, dia, hora, dominio),
    CONSTRAINT ck_horarias_hora CHECK (hora BETWEEN 0 AND 23),
    CONSTRAINT ck_horarias_segundos CHECK (segundos >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE features_diarias (
    usuario_id     BIGINT       NOT NULL,
    dia            DATE         NOT NULL COMMENT 'user-local day',
    dominio        VARCHAR(253) NOT NULL,
    categoria      VARCHAR(64)  NOT NULL,
    segundos       BIGINT       NOT NULL,
    schema_ver     SMALLINT     NOT NULL DEFAULT 1,
    actualizado_en DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (usuario_id, dia, dominio),
    KEY idx_diarias_usuario_categoria (usuario_id, categoria, dia),
    CONSTRAINT ck_diarias_segundos CHECK (segundos >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
