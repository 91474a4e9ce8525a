package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final Secret SECRET = Secret.of("SUPERSECRET-0123456789");

    @Test
    void aSecretStraddlingTheCutIsRemovedBeforeTheCut() {
        String body = "x".repeat(290) + SECRET.reveal() + " and more";

        String excerpt = Redactor.excerpt(body.getBytes(StandardCharsets.UTF_8), 300, SECRET);

        assertThat(excerpt).doesNotContain("SUPERSECRE").endsWith("...").contains("****");
    }

    @Test
    void aSecretWithWhitespaceIsRemovedBeforeWhitespaceIsSquashed() {
        Secret spaced = Secret.of("two  spaces\nand a newline");

        String excerpt = Redactor.excerpt("echo: " + spaced.reveal(), 300, spaced);

        assertThat(excerpt).isEqualTo("echo: ****");
    }

    @Test
    void aSecretEchoedInsideJsonWithEscapesIsRemoved() {
        Secret quoted = Secret.of("pa\"ss\\word");

        String excerpt = Redactor.excerpt("{\"apiKeySecret\":\"pa\\\"ss\\\\word\"}", 300, quoted);

        assertThat(excerpt).isEqualTo("{\"apiKeySecret\":\"****\"}");
    }

    @Test
    void anHtmlPageIsSummarisedByItsTitle() {
        assertThat(Redactor.excerpt("<html><head><title>502 Bad\nGateway</title></head><body>" + SECRET.reveal(),
                300, SECRET)).isEqualTo("an HTML page titled '502 Bad Gateway'");
    }
}
