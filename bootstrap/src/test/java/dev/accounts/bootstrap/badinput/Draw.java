package dev.accounts.bootstrap.badinput;

import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Choices drawn from QuickTheories' randomness, for generators written as plain code. Every draw goes through the
 * source, so a failing example shrinks (towards the first item of a list, the low end of a range).
 */
final class Draw {

    private Draw() {
    }

    static int between(RandomnessSource in, int lowest, int highest) {
        return Generate.range(lowest, highest).generate(in);
    }

    static <T> T oneOf(RandomnessSource in, List<T> items) {
        return items.get(between(in, 0, items.size() - 1));
    }

    /** True with the given chance in percent; a failing example shrinks towards false. */
    static boolean chance(RandomnessSource in, int percent) {
        return between(in, 0, 99) >= 100 - percent;
    }

    /**
     * The index of a weighted choice: weights {3, 1} pick 0 three times as often as 1. Index 0 should be the
     * plainest choice, as failures shrink towards it.
     */
    static int weighted(RandomnessSource in, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = between(in, 0, total - 1);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Text of 43 base64url characters: the shape of a real token, but not one the service issued. */
    static String tokenShaped(RandomnessSource in) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder(43);
        for (int i = 0; i < 43; i++) {
            token.append(alphabet.charAt(between(in, 0, alphabet.length() - 1)));
        }
        return token.toString();
    }
}
