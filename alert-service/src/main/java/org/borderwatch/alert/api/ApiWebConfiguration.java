package org.borderwatch.alert.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's query strings are read strictly (see {@link QueryParameters}), and it speaks only the representations
 * it documents: JSON (and CAP for one alert). The YAML converter the framework adds when a YAML library is on the
 * class path (springdoc brings one) is left out: its answers were undocumented and wrote absent values as
 * {@code null}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryParameters.Strict()).addPathPatterns("/api/**");
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(c -> c.getSupportedMediaTypes()
                .stream().anyMatch(m -> m.getSubtype().contains("yaml"))));
    }
}
