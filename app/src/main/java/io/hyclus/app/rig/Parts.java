package io.hyclus.app.rig;

import java.util.ArrayList;
import java.util.List;

/** Things to close together, most recently added first; one failing to close does not keep the rest open. */
final class Parts implements AutoCloseable {
    private final List<AutoCloseable> parts = new ArrayList<>();

    <T extends AutoCloseable> T add(T part) {
        parts.add(0, part);
        return part;
    }

    @Override
    public void close() {
        for (AutoCloseable p : parts) {
            try {
                p.close();
            } catch (Exception e) {
                // closing the rest matters more than a failure to close one part
            }
        }
    }
}
