package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The yardstick that issue 6's {@code /me} target was set against: embedded Tomcat with its default HTTP/1.1
 * connector and Spring MVC answering {@code GET /ping} with a small JSON object, nothing else. Run as its own process
 * by {@link ReferencePoints}, like the service, so that it is measured the way the service is; it prints its port,
 * and stops when its standard input ends (so it cannot outlive the benchmark).
 */
public final class TrivialJsonServer {

    static final String READY = "trivial JSON server on port ";

    private TrivialJsonServer() {
    }

    @RestController
    static class PingController {
        @GetMapping("/ping")
        Map<String, String> ping() {
            return Map.of("status", "ok");
        }
    }

    @Configuration
    @EnableWebMvc
    static class WebConfiguration {
        @Bean
        PingController pingController() {
            return new PingController();
        }
    }

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("trivial-tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.register(WebConfiguration.class);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(web)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        tomcat.start();
        System.out.println(READY + connector.getLocalPort());
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // Only the end of input matters.
            }
        } catch (IOException e) {
            // The benchmark is gone: stop as well.
        }
        tomcat.stop();
        tomcat.destroy();
        System.exit(0);
    }
}
