package fr.mutualis.kit.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every refusal says the language of its words ({@code Content-Language}, RFC 9110): {@code fr} when the caller asked
 * for French and every text of the refusal had a French sentence, else {@code en} (see {@link ProblemLanguage}).
 */
@RestControllerAdvice
public class ContentLanguageAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail) {
            response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, ProblemLanguage.wordedIn().getLanguage());
        }
        return body;
    }
}
