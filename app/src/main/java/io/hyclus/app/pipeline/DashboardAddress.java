package io.hyclus.app.pipeline;

import io.hyclus.core.Checks;

/**
 * Where a process serves the live dashboard (or only /metrics): host and port, port 0 for any free port.
 * Loopback ({@value io.hyclus.dashboard.DashboardSettings#DEFAULT_HOST}) unless the operator says otherwise.
 */
public record DashboardAddress(String host, int port) {
    public DashboardAddress {
        Checks.notBlank("HTTP host", host);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + port);
        }
    }
}
