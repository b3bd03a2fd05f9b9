package kr.civilportal.web.page;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every page is rendered in the language the person chose (the {@code lang} cookie, Korean by default), not
 * the browser's Accept-Language: the message bundles ({@code web:}, {@code msg:}) follow this locale.
 */
@ApplicationScoped
public class PageLocale implements TemplateInstance.Initializer {

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(PageContext.class).get().locale());
        }
    }
}
