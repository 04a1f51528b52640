package io.tiempocheck.common.security;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address a request came from, as the HTTP layer sees it: behind a proxy or an Ingress this is
 * the forwarded client only when quarkus.http.proxy.proxy-address-forwarding is on.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null ? "" : address.hostAddress();
    }
}
