package dev.sodamaven.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap of this JVM while one measured operation runs: from every garbage collection's
 * notification it keeps the largest heap occupancy seen before a collection (how full the heap got)
 * and after one (an upper bound of the live data at that moment). The heap is the sum of the
 * collector's heap pools (G1: eden, survivor, old).
 */
final class HeapWatcher implements NotificationListener {

    /**
     * The measurements.
     *
     * @param peakUsedBytes     highest heap occupancy seen (before a collection, or at the end)
     * @param maxAfterGcBytes   highest occupancy right after a collection (0 if none ran)
     * @param collections       collections during the operation
     * @param gcMillis          time the collectors report for those collections
     * @param cpuNanos          CPU time of the whole process during the operation (all threads, GC included)
     */
    record Measurement(long peakUsedBytes, long maxAfterGcBytes, int collections, long gcMillis, long cpuNanos) {}

    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong maxBefore = new AtomicLong();
    private final AtomicLong maxAfter = new AtomicLong();
    private final AtomicInteger notified = new AtomicInteger();
    private final long startCollections;
    private final long startGcMillis;
    private final long startCpu;

    private HeapWatcher() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        startCollections = collections();
        startGcMillis = gcMillis();
        startCpu = cpu();
    }

    static HeapWatcher start() {
        HeapWatcher watcher = new HeapWatcher();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watcher, null, null);
                watcher.emitters.add(emitter);
            }
        }
        return watcher;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        maxBefore.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        maxAfter.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        notified.incrementAndGet();
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** Stops watching; the operation's result should still be reachable when this is called. */
    Measurement stop() throws InterruptedException {
        long usedNow = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long cpuNanos = cpu() - startCpu;
        int collections = (int) (collections() - startCollections);
        long gcMillis = gcMillis() - startGcMillis;
        // Notifications arrive on another thread, a little after the collection: wait for the last ones.
        for (int i = 0; i < 100 && notified.get() < collections; i++) {
            Thread.sleep(10);
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        return new Measurement(Math.max(maxBefore.get(), usedNow), maxAfter.get(), collections, gcMillis, cpuNanos);
    }

    /** Heap in use after full collections, with whatever the caller still holds reachable. */
    static long liveHeapNow() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's peak resident set size (Linux VmHWM), or -1 where /proc is not available. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux
        }
        return -1;
    }

    static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("+"))
                .replace(' ', '_');
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(n -> n > 0)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(n -> n > 0)
                .sum();
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
