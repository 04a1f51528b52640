package io.tiempocheck.features.quality;

import java.util.Map;

/**
 * One check's answer in a qa_datos run: its state, the measured value in {@code unidad}, the
 * thresholds it was judged by, a Spanish sentence saying what is wrong and what to do, and the
 * evidence an operator needs to act (serialised to JSON as stored).
 */
public record CheckResult(String check, String grupo, CheckState estado, double valor, String unidad,
        Thresholds umbrales, String mensaje, Map<String, Object> detalle) {
}
