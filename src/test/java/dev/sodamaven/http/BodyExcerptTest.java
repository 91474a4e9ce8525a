package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sodamaven.core.Secret;
import dev.sodamaven.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyExcerptTest {

    private static final String SECRET = "SUPERSECRET-0123456789";
    private final Secrets secrets = new Secrets().add(SECRET);

    @Test
    void aSecretStraddlingTheCutIsRemovedBeforeTheCut() {
        String body = "x".repeat(290) + SECRET + " and more";

        String excerpt = BodyExcerpt.of(body.getBytes(StandardCharsets.UTF_8), 300, secrets, List.of());

        assertThat(excerpt).doesNotContain("SUPERSECRE").endsWith("...").contains("****");
    }

    @Test
    void aSecretWithWhitespaceIsRemovedBeforeWhitespaceIsSquashed() {
        String spaced = "two  spaces\nand a newline";
        secrets.add(spaced);

        String excerpt = BodyExcerpt.of("echo: " + spaced, 300, secrets, List.of());

        assertThat(excerpt).isEqualTo("echo: ****");
    }

    @Test
    void aSecretEchoedInsideJsonWithEscapesIsRemoved() {
        secrets.add("pa\"ss\\word-long");

        String excerpt = BodyExcerpt.of("{\"apiKeySecret\":\"pa\\\"ss\\\\word-long\"}", 300, secrets, List.of());

        assertThat(excerpt).isEqualTo("{\"apiKeySecret\":\"****\"}");
    }

    @Test
    void aShortCredentialThatWasSentIsMaskedWhenEchoed() {
        Secret sent = Secret.of("k3y");

        String excerpt = BodyExcerpt.of("{\"apiKeyId\":\"k3y\"}", 300, secrets, List.of(sent));

        assertThat(excerpt).isEqualTo("{\"apiKeyId\":\"****\"}");
        assertThat(secrets.mask("k3y"))
                .as("short values are only masked where they were sent")
                .isEqualTo("k3y");
    }

    @Test
    void anHtmlPageIsSummarisedByItsTitle() {
        assertThat(BodyExcerpt.of(
                        "<html><head><title>502 Bad\nGateway</title></head><body>" + SECRET, 300, secrets, List.of()))
                .isEqualTo("an HTML page titled '502 Bad Gateway'");
    }
}
