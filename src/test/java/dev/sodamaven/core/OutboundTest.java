package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutboundTest {

    private static final String SECRET = "Zq9-outbound-secret";
    private final Outbound outbound = new Outbound(new Secrets().add(SECRET), Setting::parameter);

    @Test
    void rendersSettingsAndMasksSecrets() {
        assertThat(outbound.text("Check " + Setting.SODA_CLOUD_HOST.ref() + ": got " + SECRET))
                .isEqualTo("Check sodaCloudHost: got ****");
    }

    @Test
    void aProblemIsShownRenderedAndMaskedAndKeepsWhatItWas() {
        Path kept = Path.of("target", "soda", "scan-results.json");
        IOException cause = new IOException("disk full");
        IngestException problem = IngestException.remote(
                        "Upload of " + SECRET + " failed.", "Raise " + Setting.READ_TIMEOUT.ref() + ".", cause)
                .withKeptScanResults(kept);

        IngestException shown = outbound.problem(problem);

        assertThat(shown.getMessage()).isEqualTo("Upload of **** failed.");
        assertThat(shown.hint()).isEqualTo("Raise readTimeout.");
        assertThat(shown.kind()).isEqualTo(IngestException.Kind.REMOTE);
        assertThat(shown.keptScanResults()).contains(kept);
        assertThat(shown.getCause()).isSameAs(cause);
        assertThat(shown.getStackTrace()).isEqualTo(problem.getStackTrace());
    }

    @Test
    void aCauseHoldingASecretIsNotKept() {
        IngestException problem = IngestException.input(
                "Bad file.", "Fix it.", new IOException("wrapped", new IOException("token " + SECRET)));

        assertThat(outbound.problem(problem).getCause()).isNull();
    }
}
