package io.glimpse.api.web;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error page. Runs after Spring
 * Boot's own customizer, which installs a plain {@link ErrorReportValve} on the host; the host
 * keeps the one whose class it is told to use.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent()));
    }

    private static void replaceErrorReportValve(Container parent) {
        if (!(parent instanceof StandardHost host)) {
            return;
        }
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
