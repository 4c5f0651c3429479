package fr.mutualis.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes take JSON only: every other type, wildcards included, is a 415 problem naming application/json. */
class JsonRequestBodyFilterTest {

    private final JsonRequestBodyFilter filter = new JsonRequestBodyFilter(new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void jsonWithOrWithoutUtf8CharsetPasses() throws Exception {
        for (String type : new String[]{"application/json", "application/json;charset=UTF-8", "Application/JSON; charset=utf-8"}) {
            assertThat(passes(write("POST", type, "{}"))).as(type).isTrue();
        }
    }

    @Test
    void aWriteWithoutBodyNorTypePassesAndReadsAreNotChecked() throws Exception {
        assertThat(passes(write("POST", null, null))).isTrue();
        assertThat(passes(write("GET", "application/yaml", "a: 1"))).isTrue();
    }

    /** Before: YAML was read by a converter with none of the JSON rules, wildcards reached Spring and gave 500. */
    @Test
    void otherTypesWildcardsOtherCharsetsAndUntypedBodiesAre415NamingJson() throws Exception {
        for (String type : new String[]{"application/yaml", "application/x-yaml", "text/yaml", "*/*", "application/*",
                "application/*+json", "text/*", "application/problem+json", "application/merge-patch+json",
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json;charset=ISO-8859-1",
                "application/json;charset=nope", "not a type", "", null}) {
            MockHttpServletRequest request = write("PUT", type, "title: x");
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, response, chain);
            assertThat(chain.getRequest()).as(type).isNull();
            assertThat(response.getStatus()).as(type).isEqualTo(415);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getHeader("Accept")).isEqualTo("application/json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("application/json", "Content-Type");
        }
    }

    private boolean passes(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }

    private static MockHttpServletRequest write(String method, String type, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/portfolio/roadmaps");
        if (type != null) {
            request.addHeader("Content-Type", type);
        }
        if (body != null) {
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }
        return request;
    }
}
