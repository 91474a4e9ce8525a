package dev.sodamaven.soda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LedgerTest {

    private static final Ledger.Key RUN =
            new Ledger.Key("https://cloud.soda.io/api", "jaffle_shop", "Ingest - dbt", "inv-1", 42L);

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private Ledger ledger() {
        return new Ledger(dir.resolve("soda/ledger.json"), clock, warnings::add);
    }

    @Test
    void aRecordedRunIsFoundAgainAndAnotherIsNot() throws Exception {
        try (Ledger.Session session = ledger().open()) {
            assertThat(session.find(RUN)).isEmpty();
            session.record(RUN);
        }
        try (Ledger.Session session = ledger().open()) {
            assertThat(session.find(RUN)).contains(new Ledger.Entry(RUN, clock.instant()));
            assertThat(session.find(
                            new Ledger.Key(RUN.sodaCloud(), RUN.dataSource(), RUN.scanDefinition(), "inv-2", 42L)))
                    .isEmpty();
            assertThat(session.find(new Ledger.Key(
                            "https://cloud.us.soda.io/api", RUN.dataSource(), RUN.scanDefinition(), "inv-1", 42L)))
                    .as("another Soda Cloud")
                    .isEmpty();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDamagedLedgerIsSetAsideSaidAndStartedAfresh() throws Exception {
        Path file = dir.resolve("soda/ledger.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":1,\"sent\":[{\"sodaCloud\":");

        try (Ledger.Session session = ledger().open()) {
            assertThat(session.find(RUN)).isEmpty();
            session.record(RUN);
        }

        Path aside = file.resolveSibling("ledger.json.broken-" + clock.instant().toEpochMilli());
        assertThat(aside).hasContent("{\"version\":1,\"sent\":[{\"sodaCloud\":");
        assertThat(warnings)
                .containsExactly("The ledger " + file + " is not valid JSON; it was moved aside to " + aside
                        + " and a new one is started, so a run it recorded could be sent again.");
        try (Ledger.Session session = ledger().open()) {
            assertThat(session.find(RUN)).isPresent();
        }
    }

    @Test
    void anotherFileIsNotTakenForALedger() throws Exception {
        Path file = dir.resolve("soda/ledger.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"sent\":{}}");

        try (Ledger.Session session = ledger().open()) {
            assertThat(session.find(RUN)).isEmpty();
        }

        assertThat(warnings).singleElement().asString().contains("is not a ledger of this plugin (version 1)");
    }

    @Test
    void buildsAtOnceCheckAndRecordOneAfterTheOther() throws Exception {
        // Four modules of a -T 4 build ingest the same run: exactly one may find it new.
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.submit(() -> {
                    try (Ledger.Session session = ledger().open()) {
                        if (session.find(RUN).isEmpty()) {
                            Thread.sleep(50); // the upload
                            sent.incrementAndGet();
                            session.record(RUN);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> one : all) {
                one.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent).hasValue(1);
    }
}
