package io.hyclus.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this HyClus build, recorded in the provenance of every output. */
public final class HyclusVersion {
    private static final String VERSION = load();

    private HyclusVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = HyclusVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
