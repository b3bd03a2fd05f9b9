package kr.civilportal.web.page;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every page is rendered in the language the person chose (the {@code lang} cookie, Korean by default), not
 * the browser's Accept-Language: the message bundles ({@code web:}, {@code msg:}) follow the locale set here on
 * every template instance as it is created (registered with the engine as it is built).
 */
@ApplicationScoped
public class PageLocale {

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(PageLocale::choose);
    }

    static void choose(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(PageContext.class).get().locale());
        }
    }
}
