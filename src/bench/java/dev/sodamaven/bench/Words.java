package dev.sodamaven.bench;

import java.util.SplittableRandom;

/** Vocabulary and small text builders for the synthetic project; all choices come from a seeded random. */
final class Words {

    static final String[] DOMAINS = {
        "orders", "customers", "payments", "invoices", "shipments", "products", "suppliers", "stores",
        "sessions", "events", "subscriptions", "refunds", "carts", "campaigns", "clicks", "accounts",
        "employees", "tickets", "inventory", "returns", "reviews", "coupons", "warehouses", "transfers",
        "ledgers", "budgets", "contracts", "devices", "leads", "opportunities", "visits", "claims",
    };

    static final String[] SYSTEMS = {
        "shopify", "stripe", "salesforce", "zendesk", "hubspot", "netsuite", "segment", "postgres_app",
        "google_ads", "facebook_ads", "workday", "jira", "intercom", "braze", "snowplow", "sap",
    };

    static final String[] COLUMNS = {
        "created_at",
        "updated_at",
        "status",
        "amount",
        "currency",
        "customer_id",
        "order_id",
        "product_id",
        "quantity",
        "unit_price",
        "discount",
        "tax",
        "country",
        "region",
        "city",
        "postal_code",
        "email",
        "first_name",
        "last_name",
        "is_active",
        "is_deleted",
        "channel",
        "source",
        "medium",
        "campaign_id",
        "store_id",
        "supplier_id",
        "category",
        "sku",
        "weight",
        "shipped_at",
        "delivered_at",
        "cancelled_at",
        "payment_method",
        "card_brand",
        "risk_score",
        "lifetime_value",
        "segment",
        "tier",
        "plan",
        "seats",
        "mrr",
        "arr",
        "churned_at",
        "trial_ends_at",
        "session_id",
        "device_type",
        "browser",
        "event_type",
        "page_path",
        "referrer",
        "duration_seconds",
        "loaded_at",
        "batch_id",
        "row_hash",
        "valid_from",
        "valid_to",
        "account_id",
        "owner_id",
        "priority",
    };

    static final String[] TYPES = {"varchar", "integer", "bigint", "numeric(18,2)", "timestamp", "boolean", "date"};

    private static final String[] PROSE = {
        "the",
        "a",
        "of",
        "for",
        "each",
        "per",
        "when",
        "is",
        "are",
        "and",
        "or",
        "not",
        "with",
        "from",
        "unique",
        "identifier",
        "timestamp",
        "customer",
        "order",
        "row",
        "record",
        "value",
        "amount",
        "total",
        "latest",
        "first",
        "source",
        "system",
        "loaded",
        "updated",
        "calculated",
        "business",
        "key",
        "flag",
        "whether",
        "payment",
        "status",
        "currency",
        "converted",
        "to",
        "reporting",
        "grain",
        "day",
        "month",
        "deduplicated",
        "snapshot",
        "history",
        "active",
        "deleted",
        "null",
        "if",
        "unknown",
        "mapped",
    };

    private Words() {}

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }

    /** Name of column {@code index} of a relation; unique within the relation, column 0 is "id". */
    static String column(int relation, int index) {
        if (index == 0) {
            return "id";
        }
        int slot = index - 1;
        String word = COLUMNS[(slot + relation) % COLUMNS.length];
        return slot < COLUMNS.length ? word : word + "_" + (slot / COLUMNS.length);
    }

    /** A sentence of roughly {@code length} characters. */
    static String prose(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(PROSE[random.nextInt(PROSE.length)]);
        }
        return text.append('.').toString();
    }

    /** Hex digits, like dbt's checksums and test hash suffixes. */
    static String hex(SplittableRandom random, int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = Character.forDigit(random.nextInt(16), 16);
        }
        return new String(out);
    }

    static String pad(int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }
}
