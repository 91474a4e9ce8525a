package dev.sodamaven;

import dev.sodamaven.core.IngestException;
import dev.sodamaven.dbt.ManifestIndex;
import dev.sodamaven.dbt.ManifestReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A local manifest read on a second thread from the start of the run: its models, seeds, snapshots and
 * sources while the run results are still being read, its tests once the run results have said which are
 * wanted. The run results of a large project take about a third as long to read as its manifest; read one
 * after the other, one core waits for the other. The heap holds what it held before: the reader keeps no
 * test before it knows the wanted ones.
 *
 * <p>What the run reports does not change: the run results are read, checked and reported on first, and a
 * manifest that cannot be read fails the run only once they have been ({@link #finish}). A run that ends
 * before then stops the read ({@link #close}).
 */
final class ManifestAhead implements AutoCloseable {

    private final Path file;
    private final CompletableFuture<Map<String, String>> wanted = new CompletableFuture<>();
    private final SideTask<ManifestIndex> read;

    private ManifestAhead(ManifestReader reader, Path file, String setting, boolean forSelection) {
        this.file = file;
        this.read = SideTask.start(
                "reading the manifest", () -> reader.read(file, this::awaitWanted, setting, forSelection));
    }

    /** Starts reading {@code file}; {@code setting} names where it was configured, for messages. */
    static ManifestAhead start(ManifestReader reader, Path file, String setting, boolean forSelection) {
        return new ManifestAhead(reader, file, setting, forSelection);
    }

    /** Whether this is the read of {@code manifest}. */
    boolean reads(Path manifest) {
        return file.equals(manifest);
    }

    /** Hands the reader the tests to keep (each id to itself) and waits for the manifest. */
    ManifestIndex finish(Map<String, String> wantedTests) throws IngestException {
        wanted.complete(wantedTests);
        return read.join();
    }

    private Map<String, String> awaitWanted() {
        try {
            return wanted.get();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the run ended before the run results were read");
        } catch (ExecutionException notComing) {
            throw new CancellationException("the run results were not read");
        }
    }

    /** Stops the read if the run ends before {@link #finish}, and waits until it has stopped. */
    @Override
    public void close() {
        read.close();
    }
}
