-- Accounts people create themselves: a login name and a bcrypt hash. Users the operator creates
-- (POST /admin/api/usuarios) have neither and sign in only with their device token.
ALTER TABLE usuarios
    ADD COLUMN usuario         VARCHAR(64)  NULL COMMENT 'login name, lower case',
    ADD COLUMN contrasena_hash VARCHAR(100) NULL COMMENT 'bcrypt (Modular Crypt Format), never the password',
    ADD COLUMN activo          BOOLEAN      NOT NULL DEFAULT TRUE COMMENT 'false: disabled by the operator, every token refused',
    ADD UNIQUE KEY uq_usuarios_usuario (usuario);

ALTER TABLE dispositivos
    ADD COLUMN nombre      VARCHAR(100) NOT NULL DEFAULT 'Navegador',
    ADD COLUMN visto_en    TIMESTAMP(3) NULL COMMENT 'last batch taken in from this device, to the minute',
    ADD COLUMN revocado_en TIMESTAMP(3) NULL,
    ADD KEY idx_dispositivos_usuario (usuario_id, revocado_en);

-- Failed sign-ins by login name (known or not, so the answer does not tell which names exist):
-- more than a few in the window and the name is locked until the oldest of them leaves it.
-- A table rather than memory, so every replica counts the same failures.
CREATE TABLE accesos_fallidos (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    usuario    VARCHAR(64)  NOT NULL,
    fallido_en TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_accesos_fallidos_usuario (usuario, fallido_en)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
