package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class SecretsTest {

    private final Secrets secrets = new Secrets();

    @Test
    void masksASecretAsWrittenJsonEscapedAndUrlEncoded() {
        String secret = "pa\"ss\\wo rd/+=\n1";
        secrets.add(secret);

        assertThat(secrets.mask("raw " + secret)).isEqualTo("raw ****");
        assertThat(secrets.mask("{\"s\":\"pa\\\"ss\\\\wo rd/+=\\n1\"}")).isEqualTo("{\"s\":\"****\"}");
        assertThat(secrets.mask("?s=pa%22ss%5Cwo+rd%2F%2B%3D%0A1")).isEqualTo("?s=****");
        assertThat(secrets.mask("?s=pa%22ss%5Cwo%20rd%2F%2B%3D%0A1")).isEqualTo("?s=****");
    }

    @Test
    void masksControlCharactersEscapedWithEitherCaseOfHex() {
        secrets.add("token\u0001value");

        assertThat(secrets.mask("a token\\u0001value b token\\u0001value")).isEqualTo("a **** b ****");
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        secrets.add("abcdefgh").add("abcdefgh-and-more");

        assertThat(secrets.mask("x abcdefgh-and-more y abcdefgh")).isEqualTo("x **** y ****");
    }

    @Test
    void surroundingWhiteSpaceIsNotPartOfTheSecret() {
        secrets.add("  s3cr3t-value \n");

        assertThat(secrets.mask("got s3cr3t-value.")).isEqualTo("got ****.");
    }

    @Test
    void shortValuesAreNotSearchedFor() {
        secrets.add("1234567").add(Secret.of("short")).add((String) null).add((Secret) null);

        assertThat(secrets.mask("line 1234567 is short")).isEqualTo("line 1234567 is short");
        assertThat(secrets.foundIn("1234567")).isFalse();
    }

    @Test
    void findsASecretInAnyOfItsForms() {
        secrets.add(Secret.of("a secret value"));

        assertThat(secrets.foundIn("host=a+secret+value")).isTrue();
        assertThat(secrets.foundIn("host=a secret valu")).isFalse();
        assertThat(secrets.foundIn(null)).isFalse();
        assertThat(secrets.mask(null)).isNull();
    }

    @Test
    void masksUrlEncodingWithLowerCaseHexAndWhateverAnEncoderLeftRaw() {
        secrets.add("pa ss/wo~rd*(1)");

        assertThat(secrets.mask("?s=pa%20ss%2fwo%7erd%2a%281%29")).isEqualTo("?s=****");
        assertThat(secrets.mask("?s=pa+ss%2Fwo~rd*(1)"))
                .as("RFC 3986 leaves ~ * ( ) raw")
                .isEqualTo("?s=****");
        assertThat(secrets.mask("/pa%20ss/wo~rd%2A%281%29"))
                .as("a path leaves / raw")
                .isEqualTo("/****");
    }

    @Test
    void masksJsonThatEscapesTheSolidusOrEveryCharacter() {
        secrets.add("s3crét/välue");

        assertThat(secrets.mask("{\"s\":\"s3cr\\u00e9t\\/v\\u00E4lue\"}")).isEqualTo("{\"s\":\"****\"}");
        assertThat(secrets.mask("?s=s3cr%C3%A9t%2Fv%c3%a4lue")).isEqualTo("?s=****");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-secret-0d9c?>", "api-secret-0d9c?>1", "api-secret-0d9c?>12"})
    void masksABase64EncodedSecretInBothAlphabetsWithAndWithoutPadding(String secret) {
        secrets.add(secret);
        String standard = base64(secret);
        String urlSafe = base64Url(secret);

        assertThat(secrets.mask("echo " + standard + " end")).isEqualTo("echo **** end");
        assertThat(secrets.mask("echo " + standard.replace("=", "") + " end")).isEqualTo("echo **** end");
        assertThat(secrets.mask("echo " + urlSafe + " end")).isEqualTo("echo **** end");
        assertThat(secrets.mask("echo " + urlSafe + "==".substring(0, (4 - urlSafe.length() % 4) % 4) + " end"))
                .isEqualTo("echo **** end");
        assertThat(secrets.foundIn(standard)).isTrue();
    }

    /**
     * A secret inside a longer encoded text (a JSON body, a token) starts at any of the three offsets
     * of a base64 group: all but the characters it shares with its neighbours is masked.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void masksABase64EncodedSecretInsideALongerEncodedText(int before) {
        String secret = "api-secret-0d9c-41f7";
        secrets.add(secret);
        String head = "{\"k\":\"" + "x".repeat(before);
        String encoded = base64(head + secret + "\",\"n\":1}");
        String urlSafe = base64Url(head + secret + "\",\"n\":1}");
        int start = (head.length() * 8 + 5) / 6;
        int end = (head.length() + secret.length()) * 8 / 6;

        for (String text : List.of(encoded, urlSafe)) {
            String masked = secrets.mask(text);
            int at = masked.indexOf(Secrets.MASK);
            String kept = masked.substring(at + Secrets.MASK.length());
            assertThat(at).as(masked).isBetween(0, start);
            assertThat(text).startsWith(masked.substring(0, at)).endsWith(kept);
            assertThat(text.length() - kept.length()).as("end of the mask").isGreaterThanOrEqualTo(end);
        }
    }

    @Test
    void masksAUserPasswordPairAsHttpBasicAuthenticationCarriesIt() {
        secrets.addPair("key-id-0001", Secret.of("pw-secret-1"));

        assertThat(secrets.mask("Authorization: Basic " + base64("key-id-0001:pw-secret-1")))
                .isEqualTo("Authorization: Basic ****");
        assertThat(secrets.mask("got " + base64Url("key-id-0001:pw-secret-1"))).isEqualTo("got ****");
        assertThat(secrets.mask("password pw-secret-1")).isEqualTo("password ****");
        assertThat(secrets.mask("user key-id-0001"))
                .as("a user name alone is no secret")
                .isEqualTo("user key-id-0001");
    }

    @Test
    void aPairIsMaskedEvenWhenItsPasswordIsTooShortToBeSearchedForAlone() {
        secrets.addPair(Secret.of("proxy-user"), Secret.of("abc"));

        assertThat(secrets.mask("Proxy-Authorization: Basic " + base64("proxy-user:abc")))
                .isEqualTo("Proxy-Authorization: Basic ****");
        assertThat(secrets.mask("abc")).isEqualTo("abc");
    }

    @Test
    void aPairWithoutUserOrPasswordAddsWhatThereIs() {
        secrets.addPair((String) null, Secret.of("lonely-password")).addPair("user-without-password", null);

        assertThat(secrets.mask("lonely-password user-without-password")).isEqualTo("**** user-without-password");
    }

    @Test
    void anEchoedShortCredentialIsMaskedBase64EncodedToo() {
        String text = "refused Basic " + base64("abc") + " and " + base64Url("abcd");

        assertThat(secrets.maskEcho(text, List.of(Secret.of("abc"), Secret.of("abcd"))))
                .isEqualTo("refused Basic **** and ****");
    }

    /** Each backslash may be one written as is or half of an escaped one: the search must not try every split. */
    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a busy search ignores interrupts
    void aRepetitiveSecretCannotMakeTheSearchBlowUp() {
        // Tried split by split, 30 backslashes could be written in 1.3 million ways, at each of 2,000 starts.
        String secret = "\\".repeat(30) + "X";
        secrets.add(secret);
        String text = "\\".repeat(2_000) + "Y";

        assertThat(secrets.mask(text)).isEqualTo(text);
        assertThat(secrets.mask("a" + secret + "b")).isEqualTo("a****b");
        assertThat(secrets.mask("a" + secret.replace("\\", "\\\\") + "b")).isEqualTo("a****b");
    }
}
