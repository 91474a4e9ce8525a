package dev.sodamaven.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.Test;

class HttpClientFactoryTest {

    private static final String[] LOGGERS = {
        "org.slf4j.simpleLogger.log.org.apache.hc",
        "org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire",
        "org.slf4j.simpleLogger.log.org.apache.hc.client5.http.headers",
    };

    @Test
    void buildingAClientTurnsHttpClientsOwnLoggingOff() throws Exception {
        // Under mvn -X, HttpClient's wire and header logs would print request bodies and Authorization headers.
        for (String logger : LOGGERS) {
            System.clearProperty(logger);
        }

        HttpClientFactory.create(new RecordingSleeper().settings(0), SystemDefaultDnsResolver.INSTANCE)
                .close();

        for (String logger : LOGGERS) {
            assertThat(System.getProperty(logger)).as(logger).isEqualTo("off");
        }
    }
}
