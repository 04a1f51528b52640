-- Idempotency per user: (usuario_id, event_id). The event id is a UUID the extension makes up, unique
-- among one person's events; nothing stops another person (or a tool, or a clash) from sending the
-- same id, and UNIQUE(event_id) silently dropped that person's event. A resend of an id with another
-- fecha_hora (so another dia, another primary key) still meets this key and counts once.
ALTER TABLE registro
    DROP KEY uq_registro_event,
    ADD UNIQUE KEY uq_registro_usuario_event (usuario_id, event_id);
