package io.fairshare.service.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The service's OpenAPI document (hand-written, src/main/resources/openapi/openapi.yaml) at /q/openapi and a
 * Swagger UI at /q/swagger-ui/ served from the swagger-ui webjar. (The quarkus-smallrye-openapi
 * extension is not available for this Quarkus version here.)
 */
@Path("/q")
public class OpenApiResource {
    private static final String SWAGGER = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]+\\.(js|css|png|html|map)");
    private static final byte[] DOCUMENT = read("openapi/openapi.yaml");
    private static final String INDEX = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Fairshare API</title>
            <link rel="stylesheet" href="/q/swagger-ui/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="/q/swagger-ui/swagger-ui-bundle.js"></script>
            <script>window.ui = SwaggerUIBundle({url: '/q/openapi', dom_id: '#swagger-ui'});</script>
            </body></html>
            """;

    @GET
    @Path("/openapi")
    @Produces("application/yaml")
    public byte[] document() {
        return DOCUMENT;
    }

    @GET
    @Path("/swagger-ui")
    public Response swaggerRedirect() {
        return Response.status(302).header("Location", "/q/swagger-ui/").build();
    }

    @GET
    @Path("/swagger-ui/")
    @Produces("text/html")
    public String swaggerIndex() {
        return INDEX;
    }

    @GET
    @Path("/swagger-ui/{asset}")
    public Response swaggerAsset(@PathParam("asset") String asset) {
        if (!ASSET.matcher(asset).matches()) {
            throw ApiProblem.notFound("no such asset");
        }
        String version = SwaggerUi.VERSION;
        InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(SWAGGER + version + "/" + asset);
        if (in == null) {
            throw ApiProblem.notFound("no such asset " + asset);
        }
        String type = asset.endsWith(".js") ? "text/javascript" : asset.endsWith(".css") ? "text/css"
                : asset.endsWith(".png") ? "image/png" : asset.endsWith(".html") ? "text/html" : "application/json";
        return Response.ok(in, type).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, read from its Maven metadata so that upgrading the dependency is enough. */
    static final class SwaggerUi {
        static final String VERSION = version();

        private static String version() {
            try (InputStream in = OpenApiResource.class.getClassLoader()
                    .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
                java.util.Properties p = new java.util.Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
