package org.studentsupport.roster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports a generated district of 50,000 students (2,000 classes, 350,000 student enrollments) and
 * prints wall time, rows per second and peak heap, then re-imports the unchanged bundle.
 * Run: ./mvnw -B verify -Pbenchmark -Dtest=RosterImportBenchmark -DargLine=-Xmx512m
 */
@QuarkusTest
@Tag("benchmark")
class RosterImportBenchmark {

    static final String DISTRICT = "dst-bench";

    @Inject
    RosterImportService imports;

    @Test
    void importAFiftyThousandStudentDistrict() throws Exception {
        Path zip = Files.createTempFile("bench-", ".zip");
        try {
            long t0 = System.nanoTime();
            new RosterGenerator(RosterGenerator.large(DISTRICT, 20, 2500, 100, 7)).write(zip);
            double generated = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%nBENCHMARK roster import: bundle %.1f MB zipped, generated in %.1f s; max heap %d MB%n",
                    Files.size(zip) / 1e6, generated, Runtime.getRuntime().maxMemory() >> 20);

            run("first import", zip);
            run("re-import (unchanged)", zip);
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private void run(String what, Path zip) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong sampled = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        RosterImport job = imports.runNow(zip, DISTRICT, "benchmark", false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        long peakPools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakPools += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("BENCHMARK %s: status %s, %d rows in %.1f s = %.0f rows/s; created %d, updated %d, unchanged %d, deleted %d; "
                        + "peak heap %d MB (sum of pool peaks), %d MB (sampled used)%n",
                what, job.status, job.rowsRead, seconds, job.rowsRead / seconds, job.createdCount, job.updatedCount, job.unchangedCount,
                job.deletedCount, peakPools >> 20, sampled.get() >> 20);
        if (job.status != RosterImport.Status.succeeded) {
            throw new AssertionError("The benchmark import did not succeed: " + job.message);
        }
    }
}
