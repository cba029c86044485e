package dev.accounts.adapter.in.rest;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler mapping of every {@code @RestController} in this module, found on the class path (so a new
 * controller counts without anyone listing it) and read by Spring MVC's own {@link RequestMappingHandlerMapping},
 * as {@code "GET /api/users/{id}"}.
 */
final class ControllerMappings extends RequestMappingHandlerMapping {

    private ControllerMappings() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.refresh();
        setApplicationContext(context);
        afterPropertiesSet();
    }

    static Set<String> ofThisModule() {
        ControllerMappings reader = new ControllerMappings();
        Set<String> operations = new TreeSet<>();
        for (Class<?> controller : controllers()) {
            Map<Method, RequestMappingInfo> mappings = MethodIntrospector.selectMethods(controller,
                    (MethodIntrospector.MetadataLookup<RequestMappingInfo>) method -> reader.getMappingForMethod(method, controller));
            mappings.forEach((method, mapping) -> operations.addAll(operationsOf(method, mapping)));
        }
        return operations;
    }

    static Set<Class<?>> controllers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> controllers = new java.util.LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(ControllerMappings.class.getPackageName())) {
            controllers.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), ControllerMappings.class.getClassLoader()));
        }
        return controllers;
    }

    private static Set<String> operationsOf(Method method, RequestMappingInfo mapping) {
        Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
            // A mapping for every method would answer verbs the document cannot list; none should exist.
            throw new AssertionError(method + " is mapped for every HTTP method");
        }
        Set<String> operations = new TreeSet<>();
        for (String path : mapping.getPatternValues()) {
            methods.forEach(verb -> operations.add(verb.name() + " " + path));
        }
        return operations;
    }
}
