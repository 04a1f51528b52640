-- A person's suggestion policy: one row per user, absent until they change the defaults.
-- The definition is the policy's JSON as GET /api/v1/politica shows it, validated before it is stored.
CREATE TABLE politicas (
    usuario_id     BIGINT      NOT NULL,
    definicion     TEXT        NOT NULL,
    actualizado_en DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (usuario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every policy evaluation as it was answered, so it can be read again after the data has moved on.
CREATE TABLE evaluaciones (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    usuario_id BIGINT      NOT NULL,
    desde      DATE        NOT NULL,
    hasta      DATE        NOT NULL,
    creada_en  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    resultado  MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_evaluaciones_usuario (usuario_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
