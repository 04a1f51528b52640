-- Categories per person. The global list (categorias, dominio_categoria) stays as it is, so the lookups of
-- the consumer, of alerts-service and of suggestions-service by name or domain stay one unique-key read and
-- never meet another person's names. A person's own categories and their overrides of a domain's category
-- live apart, keyed by the person first: an erasure deletes them by usuario_id.

-- The original app's eleventh category.
INSERT INTO categorias (nombre) VALUES ('Ocio');

CREATE TABLE categorias_usuario (
    usuario_id BIGINT      NOT NULL,
    nombre     VARCHAR(64) NOT NULL,
    creada_en  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (usuario_id, nombre)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The category by name, as the aggregates store it: either a global one or one of the person's own
-- (the service checks which before it writes; neither kind is ever deleted).
CREATE TABLE dominio_categoria_usuario (
    usuario_id     BIGINT       NOT NULL,
    dominio        VARCHAR(253) NOT NULL,
    categoria      VARCHAR(64)  NOT NULL,
    actualizado_en DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (usuario_id, dominio)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
