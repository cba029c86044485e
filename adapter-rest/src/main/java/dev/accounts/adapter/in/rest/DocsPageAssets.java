package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The static files of the {@link DocsPageController docs page} under {@code /docs/}: Swagger UI's script and style
 * sheet from its webjar, and the page's own initialiser. Only these are served; nothing else in the webjar (its
 * demo page pointing at a public pet store, say) is reachable.
 */
final class DocsPageAssets {

    static final Set<String> FILES = Set.of("swagger-ui-bundle.js", "swagger-ui.css", "docs.js");

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private DocsPageAssets() {
    }

    static void register(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/docs/*")
                .addResourceLocations("classpath:/static/docs/",
                        "classpath:/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/")
                .resourceChain(false)
                .addResolver(new OnlyListedFiles());
    }

    /** The webjar keeps its files under its version; reading it here spares writing the version twice. */
    static String webjarVersion() {
        Properties pom = new Properties();
        try {
            pom.load(new StringReader(new String(ClassPathFile.read(WEBJAR_POM), StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pom.getProperty("version");
        if (version == null) {
            throw new IllegalStateException(WEBJAR_POM + " names no version");
        }
        return version;
    }

    /** Passes the {@link #FILES} on to the usual look-up in the locations, and nothing else. */
    private static final class OnlyListedFiles extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                                   List<? extends Resource> locations, ResourceResolverChain chain) {
            return FILES.contains(requestPath) ? chain.resolveResource(request, requestPath, locations) : null;
        }

        @Override
        protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                                                ResourceResolverChain chain) {
            return FILES.contains(resourceUrlPath) ? chain.resolveUrlPath(resourceUrlPath, locations) : null;
        }
    }
}
