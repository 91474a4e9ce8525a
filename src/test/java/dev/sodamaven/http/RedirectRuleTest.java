package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which redirects are followed, decided without a server. */
class RedirectRuleTest {

    private static final URI FROM = URI.create("https://cloud.getdbt.com/api/v2/accounts/1/runs/2/artifacts/x.json");

    private static HttpReply redirect(int status, String location) {
        return new HttpReply(status, location == null ? Map.of() : Map.of("location", location), new byte[0], null, 1);
    }

    @Test
    void aGetFollowsARelativeOrAbsoluteLocation() {
        assertThat(RedirectRule.target("GET", FROM, redirect(302, "/elsewhere?a=1")))
                .isEqualTo(URI.create("https://cloud.getdbt.com/elsewhere?a=1"));
        assertThat(RedirectRule.target("GET", FROM, redirect(307, " https://bucket.s3.example/x?sig=1 ")))
                .isEqualTo(URI.create("https://bucket.s3.example/x?sig=1"));
    }

    @Test
    void onlyAGetWithAUsableLocationIsRedirected() {
        assertThat(RedirectRule.target("POST", FROM, redirect(308, "/again"))).isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(200, "/again"))).isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(404, "/again"))).isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(302, null))).isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(302, "ftp://files.example/x")))
                .isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(302, "file:///etc/passwd")))
                .isNull();
        assertThat(RedirectRule.target("GET", FROM, redirect(302, "http://[broken")))
                .isNull();
    }

    @Test
    void leavingHttpsForPlainHttpIsTold() {
        assertThat(RedirectRule.leavesHttps(FROM, URI.create("http://bucket.s3.example/x")))
                .isTrue();
        assertThat(RedirectRule.leavesHttps(
                        URI.create("HTTPS://Cloud.getdbt.com/"), URI.create("HTTP://cloud.getdbt.com/")))
                .isTrue();
        assertThat(RedirectRule.leavesHttps(FROM, URI.create("https://bucket.s3.example/x")))
                .isFalse();
        // An address configured as plain http stays the user's choice.
        assertThat(RedirectRule.leavesHttps(URI.create("http://localhost:8080/"), URI.create("http://localhost:9090/")))
                .isFalse();
        assertThat(RedirectRule.leavesHttps(URI.create("http://localhost:8080/"), URI.create("https://localhost/")))
                .isFalse();
    }

    @Test
    void anOriginIsSchemeHostAndPortWithDefaultPortsFilledIn() {
        assertThat(RedirectRule.sameOrigin(FROM, URI.create("https://CLOUD.getdbt.com:443/other")))
                .isTrue();
        assertThat(RedirectRule.sameOrigin(URI.create("http://h/"), URI.create("http://h:80/x")))
                .isTrue();
        assertThat(RedirectRule.sameOrigin(FROM, URI.create("http://cloud.getdbt.com/")))
                .isFalse();
        assertThat(RedirectRule.sameOrigin(FROM, URI.create("https://cloud.getdbt.com:8443/")))
                .isFalse();
        assertThat(RedirectRule.sameOrigin(FROM, URI.create("https://evil.example/")))
                .isFalse();
    }
}
