package io.tiempocheck.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;

/**
 * The operator's panel: one page for every /admin/&lt;pagina&gt;, so each of its pages has an address an operator
 * can bookmark or be sent (an alert links /admin/qa_datos). The page itself reads the path and draws that view.
 * Its APIs live under /admin/api on the services; behind the Ingress that prefix goes to them, not here.
 */
@Path("/admin")
public class AdminPanelResource {

    static final Set<String> PAGES = Set.of("entrar", "qa_datos", "salud", "qa", "usuarios", "categorias", "exportar");

    private final byte[] page = read("/admin/panel.html");

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/admin/qa_datos")).build();
    }

    @GET
    @Path("/{pagina}")
    @Produces(MediaType.TEXT_HTML)
    public byte[] page(@PathParam("pagina") String name) {
        if (!PAGES.contains(name)) {
            throw new NotFoundException();
        }
        return page;
    }

    private static byte[] read(String resource) {
        try (InputStream in = AdminPanelResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
