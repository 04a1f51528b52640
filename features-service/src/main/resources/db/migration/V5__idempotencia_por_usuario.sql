-- Idempotency per user: (usuario_id, event_id). The event id is a UUID the extension makes up, unique
-- among one person's events; nothing stops another person (or a tool, or a clash) from sending the
-- same id, and UNIQUE(event_id) silently dropped that person's event. A resend of an id with another
-- fecha_hora (so another dia, another primary key) still meets this key and counts once.
ALTER TABLE registro
    DROP KEY uq_registro_event,
    ADD UNIQUE KEY uq_registro_usuario_event (usuario_id, event_id);

-- Time from one device never overlaps itself: an event counts only the seconds its device had not
-- counted yet. tiempo keeps what was sent; segundos and segundos_2 (what rebuilds and QA read) hold
-- the counted seconds, and segundos_recortados the rest. The index finds a device's intervals near a
-- batch's time range. Rows already stored keep their seconds: nothing was trimmed when they came in.
ALTER TABLE registro
    ADD COLUMN segundos_recortados INT NOT NULL DEFAULT 0 COMMENT 'seconds of tiempo the device had counted already',
    ADD KEY idx_registro_dispositivo (usuario_id, device_id, fecha_hora);
