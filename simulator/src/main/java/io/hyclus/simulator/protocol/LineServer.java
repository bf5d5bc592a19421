package io.hyclus.simulator.protocol;

import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.simulator.fault.FaultSchedule;

import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.serial.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Serves a {@link LineDevice} on a serial link in its own daemon thread: reads command lines, applies the fault
 * plan and writes replies terminated by {@code "\r\n"}. {@link #close()} stops the thread within a bounded time.
 */
final class LineServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LineServer.class);
    private static final Duration READ_SLICE = Duration.ofMillis(50);
    private static final long JOIN_MILLIS = 2_000;

    private final SerialLink link;
    private final LineDevice device;
    private final FaultSchedule faults;
    private final Random random;
    private final Runnable onDisconnect;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected = true;

    LineServer(SerialLink link, LineDevice device, FaultPlan plan, Runnable onDisconnect) {
        this.link = link;
        this.device = device;
        this.faults = new FaultSchedule(plan);
        this.random = new Random(plan.seed());
        this.onDisconnect = onDisconnect;
        this.thread = new Thread(this::serve, "sim-" + device.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
        LOG.info("simulator {} serving on {}", device.name(), link.portPath());
    }

    /** False once a DISCONNECT fault has fired or the server was closed. */
    boolean isConnected() {
        return connected;
    }

    private void serve() {
        try {
            while (running) {
                Optional<String> line = link.readLine(READ_SLICE);
                if (line.isPresent() && !line.get().isBlank()) {
                    handle(line.get().strip());
                }
            }
        } catch (DeviceDisconnectedException e) {
            if (running) {
                LOG.info("simulator {}: line closed: {}", device.name(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("simulator {} failed; it no longer answers", device.name(), e);
        } finally {
            connected = false;
        }
    }

    private void handle(String line) {
        Optional<FaultInjection> fault = faults.next(device.commandKey(line));
        if (fault.isEmpty()) {
            reply(device.execute(line, false));
            return;
        }
        FaultInjection injection = fault.get();
        LOG.info("simulator {}: injecting {} on '{}'", device.name(), injection.kind(), line);
        switch (injection.kind()) {
            case SILENCE -> device.execute(line, false);
            case GARBAGE -> {
                device.execute(line, false);
                link.writeRaw(garbage() + "\r\n");
            }
            case PARTIAL_REPLY -> {
                List<String> replies = device.execute(line, false);
                String first = replies.isEmpty() ? "" : replies.get(0);
                link.writeRaw(first.substring(0, Math.max(1, first.length() / 2)));
            }
            case REJECT -> reply(List.of(device.rejection(line, injection.rejectReason())));
            case STALL -> reply(device.execute(line, true));
            case DISCONNECT -> disconnect();
        }
    }

    private void reply(List<String> lines) {
        for (String reply : lines) {
            link.writeRaw(reply + "\r\n");
        }
    }

    /** 4-24 seeded random bytes, none of them a line end. */
    private String garbage() {
        byte[] bytes = new byte[4 + random.nextInt(21)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                bytes[i] = (byte) 0xFF;
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        running = false;
        connected = false;
        device.disconnected();
        link.close();
        onDisconnect.run();
        LOG.info("simulator {}: dropped off the line", device.name());
    }

    @Override
    public void close() {
        running = false;
        link.close();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("simulator {} thread did not stop within {} ms", device.name(), JOIN_MILLIS);
        }
        connected = false;
    }
}
