-- The data-quality checks (job qa_datos): every run and every check's result in it, kept so that the
-- operator sees when a check turned rojo and the history behind a traffic light.

CREATE TABLE qa_datos_ejecuciones (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    instancia   VARCHAR(128) NOT NULL COMMENT 'replica that ran it',
    disparo     VARCHAR(16)  NOT NULL COMMENT 'programado, arranque or manual',
    inicio      DATETIME(3)  NOT NULL,
    fin         DATETIME(3)  NOT NULL,
    duracion_ms BIGINT       NOT NULL COMMENT 'measured by the service, not from inicio and fin',
    estado      VARCHAR(8)   NOT NULL COMMENT 'worst state of its checks: verde, amarillo, rojo',
    PRIMARY KEY (id),
    KEY idx_qa_datos_ejecuciones_inicio (inicio)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per check and run. detalle is the check's evidence as JSON text (users, days, sites,
-- partitions, offsets); the next run of dlq_crecimiento reads its offsets from it.
CREATE TABLE qa_datos_resultados (
    ejecucion_id    BIGINT        NOT NULL,
    check_id        VARCHAR(64)   NOT NULL,
    grupo           VARCHAR(32)   NOT NULL,
    momento         DATETIME(3)   NOT NULL COMMENT 'start of the run, repeated for the history by check',
    estado          VARCHAR(8)    NOT NULL,
    valor           DOUBLE        NOT NULL,
    unidad          VARCHAR(32)   NOT NULL,
    umbral_amarillo DOUBLE        NOT NULL,
    umbral_rojo     DOUBLE        NOT NULL,
    mensaje         VARCHAR(1000) NOT NULL,
    detalle         MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (ejecucion_id, check_id),
    KEY idx_qa_datos_resultados_check (check_id, momento),
    KEY idx_qa_datos_resultados_momento (momento),
    CONSTRAINT fk_qa_datos_resultados_ejecucion FOREIGN KEY (ejecucion_id) REFERENCES qa_datos_ejecuciones (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- schema_ver_antiguo counts the aggregate rows still on an older definition every 5 minutes: without
-- these it reads both tables whole (millions of rows on a year of history); with them it reads the
-- old rows only, usually none. The consumer and rebuilds write the current version, so an index
-- entry changes only when a row is first written or moves to a new definition.
CREATE INDEX idx_horarias_schema_ver ON features_horarias (schema_ver);
CREATE INDEX idx_diarias_schema_ver ON features_diarias (schema_ver);
