package dev.sodamaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
