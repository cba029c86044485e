package dev.accounts.bootstrap.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.RandomnessSource;

/**
 * Request bodies for an endpoint's fields: mostly a JSON object with one or more fields wrong (type, value, absence,
 * extra or repeated names), and some bodies that are not that object at all (another JSON value, broken JSON, random
 * bytes, invalid UTF-8, deep nesting, sizes around and beyond the 64 KiB limit).
 */
final class JsonBodies {

    static final int LIMIT = 64 * 1024;

    private static final List<String> EXTRA_NAMES = List.of("superuser", "isSuperuser", "admin", "role", "id",
            "emailVerified", "active", "passwordHash", "password_hash", "createdAt", "__proto__", "constructor", "",
            " ", "USERNAME", "user\u0000name", "a".repeat(300), "\ud83d\ude00", "field\"quote", "$where");

    private static final List<String> NUMBERS = List.of("0", "-1", "1.5", "-0", "1e400", "1E+2",
            "123456789012345678901234567890", "9".repeat(1_200), "0.000000000000000000000000001");

    private static final List<String> NOT_JSON = List.of("NaN", "Infinity", "-Infinity", "undefined", "'single'",
            "01", ".5", "+1", "0x10", "tru", "nul", "\"unterminated", "\"\\x41\"", "\"\\u12\"", "\"\\ud800\\u0041\"");

    private static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xc3, 0x28), bytes(0xff), bytes(0xfe, 0xff), bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf),
            bytes(0xed, 0xa0, 0x80), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xe2, 0x82), bytes(0x80),
            bytes(0xf8, 0x88, 0x80, 0x80, 0x80));

    private static final List<String> BROKEN_TAILS = List.of("}", ",", "x", "{}", "\u0000", " // comment", "]", "\"");

    private static final List<Integer> OVERSIZES = List.of(LIMIT - 200, LIMIT + 1, LIMIT + 500, 3 * LIMIT, 1_000_000);

    private JsonBodies() {
    }

    /** A body and a short name for what is wrong with it. */
    record Body(byte[] bytes, String kind) {
    }

    static Body draw(RandomnessSource in, List<Field> fields) {
        List<Field> shape = fields.isEmpty() ? List.of(new Field("token", in2 -> "x"), new Field("username", in2 -> "x")) : fields;
        return switch (Draw.weighted(in, 62, 5, 3, 8, 3, 4, 5, 3, 2, 5)) {
            case 0 -> new Body(object(in, shape).toBytes(), "object");
            case 1 -> new Body(otherValue(in, shape).toBytes(), "not-an-object");
            case 2 -> new Body(new byte[0], "empty");
            case 3 -> new Body(broken(in, object(in, shape).toBytes()), "broken-json");
            case 4 -> new Body(randomBytes(in), "random-bytes");
            case 5 -> new Body(deeplyNested(in, shape).toBytes(), "deep-nesting");
            case 6 -> new Body(withInvalidUtf8(in, shape).toBytes(), "invalid-utf8");
            case 7 -> new Body(oversized(in, shape), "oversized");
            case 8 -> new Body(concat(bytes(0xef, 0xbb, 0xbf), object(in, shape).toBytes()), "byte-order-mark");
            default -> new Body(allNasty(in, shape).toBytes(), "all-fields-nasty");
        };
    }

    /** The endpoint's object, each field kept good, made bad, or left out; sometimes with extra or repeated names. */
    static Json.Obj object(RandomnessSource in, List<Field> fields) {
        List<Json.Member> members = new ArrayList<>();
        for (Field field : fields) {
            if (Draw.chance(in, 88)) {
                members.add(new Json.Member(field.name(), value(in, field)));
            }
        }
        if (Draw.chance(in, 12)) {
            int extras = Draw.between(in, 1, 3);
            for (int i = 0; i < extras; i++) {
                String name = Draw.chance(in, 70) ? Draw.oneOf(in, EXTRA_NAMES) : NastyStrings.draw(in);
                members.add(Draw.between(in, 0, members.size()), new Json.Member(name, value(in, new Field(name, in2 -> "x"))));
            }
        }
        if (Draw.chance(in, 5) && !fields.isEmpty()) {
            Field repeated = Draw.oneOf(in, fields);
            members.add(new Json.Member(repeated.name(), value(in, repeated)));
        }
        return new Json.Obj(members);
    }

    /** One field holding arrays or objects nested deeper than any parser should follow. */
    private static Json.Obj deeplyNested(RandomnessSource in, List<Field> fields) {
        Json nested = new Json.Nested(Draw.oneOf(in, List.of(100, 600, 1_001, 5_000, 20_000)), Draw.chance(in, 50));
        return new Json.Obj(List.of(new Json.Member(Draw.oneOf(in, fields).name(), nested)));
    }

    /** Every field present, each with a troublesome string. */
    private static Json.Obj allNasty(RandomnessSource in, List<Field> fields) {
        List<Json.Member> members = new ArrayList<>();
        for (Field field : fields) {
            members.add(new Json.Member(field.name(), new Json.Str(NastyStrings.draw(in), Json.Escaping.MINIMAL)));
        }
        return new Json.Obj(members);
    }

    static Json value(RandomnessSource in, Field field) {
        return switch (Draw.weighted(in, 50, 24, 5, 7, 4, 3, 3, 2, 2)) {
            case 0 -> good(field.valid().generate(in));
            case 1 -> new Json.Str(NastyStrings.draw(in), Draw.oneOf(in, List.of(Json.Escaping.MINIMAL,
                    Json.Escaping.MINIMAL, Json.Escaping.ASCII, Json.Escaping.RAW_CONTROLS)));
            case 2 -> new Json.Raw("null");
            case 3 -> new Json.Raw(Draw.chance(in, 60) ? Draw.oneOf(in, NUMBERS) : Draw.oneOf(in, List.of("true", "false")));
            case 4 -> Draw.chance(in, 50)
                    ? new Json.Arr(List.of(good(field.valid().generate(in))))
                    : new Json.Obj(Draw.chance(in, 50)
                            ? List.of()
                            : List.of(new Json.Member("value", good(field.valid().generate(in)))));
            case 5 -> new Json.Nested(Draw.oneOf(in, List.of(50, 600, 2_000)), Draw.chance(in, 50));
            case 6 -> new Json.BadUtf8("fuzz", Draw.oneOf(in, INVALID_UTF8), "z");
            case 7 -> new Json.Str("x".repeat(Draw.oneOf(in, List.of(1_000, 10_000, 60_000))), Json.Escaping.MINIMAL);
            default -> new Json.Raw(Draw.oneOf(in, NOT_JSON));
        };
    }

    private static Json good(Object value) {
        if (value == null) {
            return new Json.Raw("null");
        }
        if (value instanceof String text) {
            return new Json.Str(text, Json.Escaping.MINIMAL);
        }
        return new Json.Raw(value.toString());
    }

    private static Json otherValue(RandomnessSource in, List<Field> fields) {
        return switch (Draw.between(in, 0, 6)) {
            case 0 -> new Json.Raw("null");
            case 1 -> new Json.Arr(List.of());
            case 2 -> new Json.Arr(List.of(object(in, fields)));
            case 3 -> new Json.Str(NastyStrings.draw(in), Json.Escaping.MINIMAL);
            case 4 -> new Json.Raw(Draw.oneOf(in, NUMBERS));
            case 5 -> new Json.Raw("true");
            default -> new Json.Arr(List.of(object(in, fields), object(in, fields)));
        };
    }

    private static byte[] broken(RandomnessSource in, byte[] json) {
        return switch (Draw.between(in, 0, 5)) {
            case 0 -> Arrays.copyOf(json, Draw.between(in, 0, Math.max(0, json.length - 1)));
            case 1 -> concat(json, Draw.oneOf(in, BROKEN_TAILS).getBytes(StandardCharsets.UTF_8));
            case 2 -> concat(json, json);
            case 3 -> new String(json, StandardCharsets.UTF_8).replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 4 -> concat("/* comment */".getBytes(StandardCharsets.UTF_8), json);
            default -> " \t\r\n ".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] randomBytes(RandomnessSource in) {
        byte[] bytes = new byte[Draw.between(in, 1, 300)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Draw.between(in, 0, 255);
        }
        return bytes;
    }

    /** The object with one of its fields' strings broken by bytes that are not UTF-8. */
    private static Json.Obj withInvalidUtf8(RandomnessSource in, List<Field> fields) {
        Json.Obj object = object(in, fields);
        List<Json.Member> members = new ArrayList<>(object.members());
        Field target = Draw.oneOf(in, fields);
        Object good = target.valid().generate(in);
        members.removeIf(member -> member.name().equals(target.name()));
        members.add(new Json.Member(target.name(),
                new Json.BadUtf8(good instanceof String text ? text : "fuzz", Draw.oneOf(in, INVALID_UTF8), "")));
        return new Json.Obj(members);
    }

    /** A body whose size is around or beyond the limit; its one big field is plain text, so size is all that is wrong. */
    private static byte[] oversized(RandomnessSource in, List<Field> fields) {
        int size = Draw.oneOf(in, OVERSIZES);
        String name = Draw.oneOf(in, fields).name();
        String head = "{\"" + name + "\":\"";
        return (head + "y".repeat(Math.max(0, size - head.length() - 2)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
