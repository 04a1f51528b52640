-- Batch side of the feature store: each event's split by local hour kept in registro, a state row
-- per (user, local day), the record of every job run, and the version of the aggregate definition.

-- The split is computed once, by the consumer, with the zone's real rules (DST included), so the
-- streaming path and every set-based rebuild count the same seconds in the same hours. An interval
-- is at most 3600 s, so it touches at most two local hours.
ALTER TABLE registro
    ADD COLUMN dia        DATE     NULL COMMENT 'user-local day of the first hour slot',
    ADD COLUMN hora       TINYINT  NULL COMMENT 'user-local hour of the first hour slot',
    ADD COLUMN segundos   INT      NULL COMMENT 'seconds in the first hour slot',
    ADD COLUMN dia_2      DATE     NULL COMMENT 'user-local day of the second hour slot, if any',
    ADD COLUMN hora_2     TINYINT  NULL,
    ADD COLUMN segundos_2 INT      NOT NULL DEFAULT 0;

-- Rows written before this migration: their zones had no DST change inside the interval in the
-- data we hold, so the wall-clock split equals the instant-timeline split.
UPDATE registro
SET dia        = DATE(fecha_hora_local),
    hora       = HOUR(fecha_hora_local),
    segundos   = LEAST(tiempo, 3600 - MINUTE(fecha_hora_local) * 60 - SECOND(fecha_hora_local)),
    segundos_2 = tiempo - LEAST(tiempo, 3600 - MINUTE(fecha_hora_local) * 60 - SECOND(fecha_hora_local));
UPDATE registro
SET dia_2  = DATE(DATE_ADD(DATE_FORMAT(fecha_hora_local, '%Y-%m-%d %H:00:00'), INTERVAL 1 HOUR)),
    hora_2 = HOUR(DATE_ADD(DATE_FORMAT(fecha_hora_local, '%Y-%m-%d %H:00:00'), INTERVAL 1 HOUR))
WHERE segundos_2 > 0;

-- Clustered by (user, day): a rebuild of a user-day or a user-year reads its rows in order instead
-- of one random primary-key lookup per event. event_id stays unique: it is the idempotency key.
ALTER TABLE registro
    MODIFY dia DATE NOT NULL,
    MODIFY hora TINYINT NOT NULL,
    MODIFY segundos INT NOT NULL,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (usuario_id, dia, event_id),
    ADD UNIQUE KEY uq_registro_event (event_id),
    ADD KEY idx_registro_dia (dia),
    DROP KEY idx_registro_usuario_local;

-- One row per (user, local day) with events. The consumer upserts it first in every batch and a
-- rebuild locks it first, so the two serialize per day instead of deadlocking.
CREATE TABLE features_dias (
    usuario_id           BIGINT      NOT NULL,
    dia                  DATE        NOT NULL,
    tz                   VARCHAR(64) NOT NULL,
    actualizado_en       DATETIME(3) NOT NULL COMMENT 'last time new events landed on this day',
    cerrado_en           DATETIME(3) NULL COMMENT 'daily close; the day is open again once actualizado_en is newer',
    reconstruido_en      DATETIME(3) NULL,
    qa_en                DATETIME(3) NULL,
    delta_horas_dia      BIGINT      NOT NULL DEFAULT 0 COMMENT 'sum over domains of |hours - day| seconds',
    delta_dia_registro   BIGINT      NOT NULL DEFAULT 0 COMMENT 'sum over domains of |day - registro| seconds',
    delta_horas_registro BIGINT      NOT NULL DEFAULT 0 COMMENT 'sum over domains and hours of |hour - registro| seconds',
    PRIMARY KEY (usuario_id, dia),
    KEY idx_dias_cierre (cerrado_en, dia),
    KEY idx_dias_actualizado (actualizado_en)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO features_dias (usuario_id, dia, tz, actualizado_en)
SELECT usuario_id, dia, MAX(tz), MAX(procesado_en) FROM (
    SELECT usuario_id, dia, tz, procesado_en FROM registro
    UNION ALL
    SELECT usuario_id, dia_2, tz, procesado_en FROM registro WHERE dia_2 IS NOT NULL
) d
GROUP BY usuario_id, dia;

CREATE TABLE features_jobs_ejecuciones (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    job                VARCHAR(32)   NOT NULL,
    instancia          VARCHAR(128)  NOT NULL COMMENT 'replica that ran it',
    disparo            VARCHAR(16)   NOT NULL COMMENT 'programado, arranque (missed runs caught up) or manual',
    inicio             DATETIME(3)   NOT NULL,
    fin                DATETIME(3)   NULL,
    estado             VARCHAR(16)   NOT NULL COMMENT 'en_curso, ok, error',
    filas              BIGINT        NOT NULL DEFAULT 0 COMMENT 'aggregate rows written',
    dias_reconstruidos INT           NOT NULL DEFAULT 0,
    lag_segundos       BIGINT        NULL COMMENT 'newest event in registro minus newest aggregate, at the end of the run',
    error              VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    KEY idx_jobs_job_inicio (job, inicio)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The version of the aggregate definition. A migration that changes how aggregates are computed
-- inserts the next version; the catch-up job then rebuilds every day still holding older rows.
CREATE TABLE features_definicion (
    schema_ver  SMALLINT     NOT NULL,
    descripcion VARCHAR(500) NOT NULL,
    desde       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (schema_ver)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO features_definicion (schema_ver, descripcion)
VALUES (1, 'Whole seconds per user-local hour and day, intervals split on the instant timeline of the user zone');

-- Checks of a few days across all users (QA, the catch-up window, export) without scanning every user.
CREATE INDEX idx_horarias_dia ON features_horarias (dia);
CREATE INDEX idx_diarias_dia ON features_diarias (dia);
