package dev.accounts.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.accounts.application.port.out.StoreHealth;
import dev.accounts.application.service.ReadinessService;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class HealthApiTest {

    private final RestApiUnderTest api = new RestApiUnderTest();

    @Test
    void isAliveEvenWhenTheStoreIsDown() throws Exception {
        MvcResult result = apiWithStore(() -> false).perform(get("/health/live")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(Problems.body(result)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void isReadyWhenTheStoreAnswers() throws Exception {
        MvcResult result = apiWithStore(() -> true).perform(get("/health/ready")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(Problems.body(result)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void isNotReadyWhileTheStoreDoesNotAnswer() throws Exception {
        MvcResult result = apiWithStore(() -> false).perform(get("/health/ready")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(Problems.body(result)).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void isNotReadyWhenTheCheckItselfFails() throws Exception {
        MvcResult result = apiWithStore(() -> {
            throw new IllegalStateException("pool closed");
        }).perform(get("/health/ready")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(Problems.body(result)).isEqualTo("{\"status\":\"DOWN\"}");
    }

    private MockMvc apiWithStore(StoreHealth store) {
        return RestApiUnderTest.mockMvc(api.registrationOver(api.users), new ReadinessService(store));
    }
}
