package dev.sodamaven.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;

/** Writes a plan's {@code parent_map} and {@code child_map}: every node with its parents / children. */
final class GraphMaps {

    private final ProjectPlan plan;
    /** Children of relation r: models {@code childModels[start..]} then tests {@code childTests[start..]}. */
    private final int[] modelStart;

    private final int[] childModels;
    private final int[] testStart;
    private final int[] childTests;

    GraphMaps(ProjectPlan plan) {
        this.plan = plan;
        int relations = plan.relations();
        modelStart = new int[relations + 1];
        testStart = new int[relations + 1];
        for (int m = 0; m < plan.models; m++) {
            for (int parent : plan.parentsOf(m)) {
                modelStart[parent + 1]++;
            }
        }
        for (int t = 0; t < plan.tests; t++) {
            testStart[plan.target(t) + 1]++;
            if (plan.other(t) >= 0) {
                testStart[plan.other(t) + 1]++;
            }
        }
        for (int r = 0; r < relations; r++) {
            modelStart[r + 1] += modelStart[r];
            testStart[r + 1] += testStart[r];
        }
        childModels = new int[modelStart[relations]];
        childTests = new int[testStart[relations]];
        int[] fillModels = Arrays.copyOf(modelStart, relations);
        int[] fillTests = Arrays.copyOf(testStart, relations);
        for (int m = 0; m < plan.models; m++) {
            for (int parent : plan.parentsOf(m)) {
                childModels[fillModels[parent]++] = m;
            }
        }
        for (int t = 0; t < plan.tests; t++) {
            childTests[fillTests[plan.target(t)]++] = t;
            if (plan.other(t) >= 0) {
                childTests[fillTests[plan.other(t)]++] = t;
            }
        }
    }

    void write(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("parent_map");
        for (int m = 0; m < plan.models; m++) {
            g.writeArrayFieldStart(plan.uniqueId(m));
            for (int parent : plan.parentsOf(m)) {
                g.writeString(plan.uniqueId(parent));
            }
            g.writeEndArray();
        }
        for (int s = 0; s < plan.seeds; s++) {
            g.writeArrayFieldStart(plan.uniqueId(plan.seedRelation(s)));
            g.writeEndArray();
        }
        for (int t = 0; t < plan.tests; t++) {
            g.writeArrayFieldStart(plan.testUniqueId(t));
            if (plan.other(t) >= 0) {
                g.writeString(plan.uniqueId(plan.other(t)));
            }
            g.writeString(plan.uniqueId(plan.target(t)));
            g.writeEndArray();
        }
        for (int s = 0; s < plan.sources; s++) {
            g.writeArrayFieldStart(plan.uniqueId(plan.sourceRelation(s)));
            g.writeEndArray();
        }
        g.writeEndObject();

        g.writeObjectFieldStart("child_map");
        for (int r = 0; r < plan.relations(); r++) {
            g.writeArrayFieldStart(plan.uniqueId(r));
            for (int i = modelStart[r]; i < modelStart[r + 1]; i++) {
                g.writeString(plan.uniqueId(childModels[i]));
            }
            for (int i = testStart[r]; i < testStart[r + 1]; i++) {
                g.writeString(plan.testUniqueId(childTests[i]));
            }
            g.writeEndArray();
        }
        for (int t = 0; t < plan.tests; t++) {
            g.writeArrayFieldStart(plan.testUniqueId(t));
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
