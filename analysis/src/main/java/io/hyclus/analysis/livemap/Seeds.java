package io.hyclus.analysis.livemap;

import java.nio.charset.StandardCharsets;

/** Seeds derived from the settings' seed and a name, stable across JVMs and versions (FNV-1a then SplitMix64). */
final class Seeds {
    private Seeds() {
    }

    static long of(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(seed ^ h);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
