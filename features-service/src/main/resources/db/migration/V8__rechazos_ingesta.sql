-- The entrada checks of qa_datos (issue 17): what ingest refused and what reached registro oddly, per UTC hour.

-- What ingest refused, summed per UTC hour, user and reason, from tiempocheck.ingest-rejections.v1. motivo is
-- one of a bounded set: an event's field (event_id, dominio, fecha_hora, tiempo), evento (not a JSON object),
-- or a batch refused whole (lote_invalido, lote_demasiado_grande, lote_tipo_contenido: cantidad counts batches).
CREATE TABLE rechazos_ingesta (
    hora       DATETIME    NOT NULL COMMENT 'UTC hour of the rejections',
    usuario_id BIGINT      NOT NULL,
    motivo     VARCHAR(32) NOT NULL,
    cantidad   BIGINT      NOT NULL,
    PRIMARY KEY (hora, usuario_id, motivo),
    KEY idx_rechazos_usuario (usuario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The last offset of each partition of the rejections topic whose record is in rechazos_ingesta, written in the
-- same transaction as the sums: a redelivered record (offset not above it) is skipped, so every record counts once.
CREATE TABLE rechazos_ingesta_posiciones (
    topico         VARCHAR(249) NOT NULL,
    particion      INT          NOT NULL,
    desplazamiento BIGINT       NOT NULL,
    PRIMARY KEY (topico, particion)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events of registro's consumer, per UTC hour of their reception (recibido_en) and user: resent copies of an
-- event_id already stored (not a redelivery of the same record: another recibido_en), and new events whose
-- start is after their reception or older than tiempocheck.features.consumer.old-event-age (30 days) before it.
-- Written in the consumer's batch transaction, so redelivery counts nothing twice.
CREATE TABLE entrada_anomalias (
    hora        DATETIME NOT NULL COMMENT 'UTC hour of recibido_en',
    usuario_id  BIGINT   NOT NULL,
    duplicados  BIGINT   NOT NULL DEFAULT 0,
    futuros     BIGINT   NOT NULL DEFAULT 0,
    antiguos    BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (hora, usuario_id),
    KEY idx_anomalias_usuario (usuario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
