package kr.civilportal.web.page;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The shared assets (KRDS styles, fonts and icons; portal.css and the scripts) under the app's own prefix as
 * well: the gateway routes {@code /krds/**} and {@code /web-assets/**} to citizen-web, so the console serves its
 * copy under {@code /admin/krds/**} and {@code /admin/web-assets/**} and keeps its look while citizen-web is
 * down. Nothing is mounted when the prefix is empty (citizen-web: Quarkus serves them at the root).
 */
@ApplicationScoped
public class AssetRoutes {

    static final String[] FOLDERS = {"krds", "web-assets"};
    private static final long ONE_DAY_SECONDS = 24 * 3600;

    @Inject
    WebPageSettings settings;

    void mount(@Observes Router router) {
        java.util.Optional<String> prefix = settings.assetPrefix();
        if (prefix.isEmpty() || prefix.get().isBlank()) {
            return;
        }
        for (String folder : FOLDERS) {
            router.get(prefix.get() + "/" + folder + "/*").handler(StaticHandler.create("META-INF/resources/" + folder)
                    .setCachingEnabled(true).setMaxAgeSeconds(ONE_DAY_SECONDS).setDirectoryListing(false));
        }
    }
}
