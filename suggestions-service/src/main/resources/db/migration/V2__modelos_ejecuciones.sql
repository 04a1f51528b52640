-- Every nightly refit and backtest of the forecasting methods, with its held-out figures.
CREATE TABLE modelos_ejecuciones (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    instancia VARCHAR(128)  NOT NULL COMMENT 'replica that ran it',
    disparo   VARCHAR(16)   NOT NULL COMMENT 'programado or manual',
    inicio    DATETIME(3)   NOT NULL,
    fin       DATETIME(3)   NULL,
    estado    VARCHAR(16)   NOT NULL COMMENT 'en_curso, ok, error',
    usuarios  INT           NOT NULL DEFAULT 0,
    series    INT           NOT NULL DEFAULT 0,
    resultado MEDIUMTEXT    NULL COMMENT 'per method: held-out MAE, RMSE, MASE and how often it was chosen (JSON)',
    error     VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    KEY idx_modelos_estado (estado, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
