package dev.sodamaven.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a valid JSON document that keeps it valid JSON: the value at a place is replaced by
 * a value of any type (or removed), so readers meet nulls, numbers, arrays and objects where dbt
 * writes something else.
 *
 * @param place which place of the document ({@code place} modulo the number of places)
 * @param value the new value, or null to remove the place
 */
record JsonEdit(int place, JsonNode value) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys and texts dbt artifacts use, so that generated objects look like the real thing. */
    private static final List<String> KEYS = List.of(
            "metadata",
            "dbt_schema_version",
            "invocation_id",
            "generated_at",
            "results",
            "nodes",
            "sources",
            "unique_id",
            "status",
            "failures",
            "message",
            "resource_type",
            "name",
            "alias",
            "identifier",
            "source_name",
            "attached_node",
            "depends_on",
            "test_metadata",
            "kwargs",
            "model",
            "to",
            "config",
            "severity",
            "column_name",
            "file_key_name",
            "version",
            "args",
            "which",
            "unit_tests",
            "execution_time",
            "x",
            "");

    private static final List<String> TEXTS = List.of(
            "test.jaffle_shop.t.1",
            "model.jaffle_shop.orders",
            "source.jaffle_shop.raw.orders",
            "seed.jaffle_shop.s",
            "unit_test.jaffle_shop.orders.u",
            "pass",
            "fail",
            "error",
            "warn",
            "skipped",
            "success",
            "test",
            "model",
            "source",
            "seed",
            "snapshot",
            "{{ get_where_subquery(ref('orders')) }}",
            "{{ source('raw', 'orders') }}",
            "ref('orders', v=2)",
            "https://schemas.getdbt.com/dbt/manifest/v99.json",
            "https://schemas.getdbt.com/dbt/run-results/v0.json",
            "https://schemas.getdbt.com/dbt/sources/v3.json",
            "\"\"",
            "[]",
            "",
            " ",
            "models.orders",
            "sources.raw",
            "2026-11-20T06:00:05Z",
            "not a date");

    /** Applies the edit to a copy of {@code root}, whose places are {@code places}. */
    JsonNode apply(JsonNode root, List<JsonPointer> places) {
        if (places.isEmpty()) {
            return value == null ? root : value;
        }
        JsonPointer at = places.get(Math.floorMod(place, places.size()));
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = at.last().getMatchingIndex();
            if (index >= 0 && index < array.size()) {
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            }
        }
        // A place under an earlier edit may be gone: then this edit does nothing.
        return root;
    }

    static JsonNode applyAll(List<JsonEdit> edits, JsonNode root, List<JsonPointer> places) {
        JsonNode copy = root.deepCopy();
        for (JsonEdit edit : edits) {
            copy = edit.apply(copy, places);
        }
        return copy;
    }

    static Arbitrary<List<JsonEdit>> some(int max) {
        return some(1, max);
    }

    static Arbitrary<List<JsonEdit>> some(int min, int max) {
        Arbitrary<JsonEdit> edit = Combinators.combine(
                        Arbitraries.integers().greaterOrEqual(0), values().injectNull(0.1))
                .as(JsonEdit::new);
        return edit.list().ofMinSize(min).ofMaxSize(max);
    }

    /** Any JSON value, up to three levels deep. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(
                JsonEdit::scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(items -> {
                            ArrayNode array = NODES.arrayNode();
                            items.forEach(array::add);
                            return (JsonNode) array;
                        }),
                        Arbitraries.maps(keys(), inner).ofMaxSize(4).map(fields -> {
                            ObjectNode object = NODES.objectNode();
                            fields.forEach(object::set);
                            return (JsonNode) object;
                        })),
                0,
                3);
    }

    static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of(KEYS), texts());
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(
                                new BigInteger("123456789012345678901234567890"),
                                BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE))
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(-0.0, 1e300, 4.9e-324).map(NODES::numberNode),
                texts().map(NODES::textNode));
    }

    private static Arbitrary<String> texts() {
        // Any character but lone surrogates, which no JSON writer can encode.
        return Arbitraries.oneOf(
                Arbitraries.of(TEXTS),
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(24));
    }

    @Override
    public String toString() {
        return "place " + place + (value == null ? " removed" : " = " + value);
    }
}
