package io.tiempocheck.ingest.accounts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "tiempocheck.cuentas")
public interface AccountsConfig {

    /** Whether anyone may create an account with POST /api/v1/cuentas; closed in production unless the operator opens it. */
    @WithName("registro-abierto")
    @WithDefault("true")
    boolean signUpOpen();
}
