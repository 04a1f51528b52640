package io.tiempocheck.cli;

import picocli.CommandLine.Option;

import java.util.Map;

/** {@code --usuario}: narrows a command to one user; every user when absent. */
class UserOption {

    @Option(names = "--usuario", description = "only this usuario_id (default: every user)")
    Long user;

    void putInto(Map<String, Object> query) {
        query.put("usuario_id", user);
    }
}
