package dev.sodamaven;

import dev.sodamaven.core.IngestException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One step of a run done on a thread of its own while the run goes on, so that a second core shares the
 * work: the manifest is read while the run results are, and the reports are written while the scan results
 * are (docs/benchmarks.md measures what it gains). The run joins it where it needs its result, and whatever
 * it threw is thrown there as it was. Closing it stops a task whose result is no longer wanted (by an
 * interrupt, which also ends a file read in progress) and waits for its thread to end, so that nothing of
 * the run is still working, or holding heap, once the run is over.
 */
final class SideTask<T> implements AutoCloseable {

    /** The work, failing as the run's own steps do. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IngestException;
    }

    private final String what;
    private final FutureTask<T> task;
    private final Thread thread;

    private SideTask(String what, Work<T> work) {
        this.what = what;
        this.task = new FutureTask<>(work::run);
        this.thread = new Thread(task, "soda-maven-plugin " + what);
        // Never keeps a JVM alive: a build that ends ends it.
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    }

    /** Starts {@code work}, which is {@code what} (e.g. "reading the manifest"; thread dumps show it). */
    static <T> SideTask<T> start(String what, Work<T> work) {
        SideTask<T> side = new SideTask<>(what, work);
        side.thread.start();
        return side;
    }

    /** Waits for the result; what the work threw is thrown here unchanged. */
    T join() throws IngestException {
        try {
            return task.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw IngestException.input(
                    "The ingestion was interrupted while " + what + ".", "The build was cancelled.");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IngestException problem) {
                throw problem;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the work if it has not ended, and waits until its thread has. */
    @Override
    public void close() {
        if (!task.isDone()) {
            task.cancel(true);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
