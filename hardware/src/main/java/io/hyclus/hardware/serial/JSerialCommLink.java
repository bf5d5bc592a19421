package io.hyclus.hardware.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.hyclus.hardware.DeviceDisconnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link SerialLink} over jSerialComm: 8N1, no flow control, semi-blocking reads with a short poll so that a
 * read never outlives its timeout. DTR/RTS are left alone: pseudo-terminals refuse modem-control ioctls.
 */
public final class JSerialCommLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLink.class);
    /** Longest single blocking read; bounds how late a timeout or a close is noticed. */
    private static final int POLL_MILLIS = 20;

    private final SerialPort port;
    private final String portPath;
    private final LineAssembler lines = new LineAssembler();
    private final byte[] buffer = new byte[512];
    private volatile boolean closed;

    private JSerialCommLink(SerialPort port, String portPath) {
        this.port = port;
        this.portPath = portPath;
    }

    /**
     * Opens the port named in {@code settings}.
     *
     * @throws DeviceDisconnectedException when the port does not exist or cannot be opened
     */
    public static JSerialCommLink open(SerialSettings settings) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.portPath());
        } catch (RuntimeException e) {
            throw new DeviceDisconnectedException("no serial port at " + settings.portPath() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                POLL_MILLIS, 1000);
        if (!port.openPort()) {
            throw new DeviceDisconnectedException("cannot open serial port " + settings.portPath()
                    + " (error " + port.getLastErrorCode() + " at native line " + port.getLastErrorLocation()
                    + "); check the path and permissions");
        }
        LOG.info("opened serial port {} ({}) at {} baud 8N1", settings.portPath(), port.getSystemPortPath(),
                settings.baudRate());
        return new JSerialCommLink(port, settings.portPath());
    }

    @Override
    public String portPath() {
        return portPath;
    }

    @Override
    public void writeLine(String line) {
        writeRaw(line + "\n");
    }

    @Override
    public void writeRaw(String text) {
        ensureOpen("write '" + Ascii.escape(text) + "'");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new DeviceDisconnectedException("serial port " + portPath + " wrote " + written + " of "
                    + bytes.length + " bytes of '" + Ascii.escape(text) + "': the line is gone");
        }
        LOG.debug("{} <- {}", portPath, Ascii.escape(text));
    }

    @Override
    public Optional<String> readLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = lines.nextLine();
            if (line.isPresent()) {
                LOG.debug("{} -> {}", portPath, line.get());
                return line;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            readAvailable();
        }
    }

    @Override
    public String discardInput() {
        ensureOpen("discard input");
        while (port.bytesAvailable() > 0) {
            readAvailable();
        }
        return lines.drain();
    }

    /** One semi-blocking read of at most {@link #POLL_MILLIS}. */
    private void readAvailable() {
        ensureOpen("read");
        int count = port.readBytes(buffer, buffer.length);
        if (count < 0) {
            throw new DeviceDisconnectedException("serial port " + portPath + " failed on read (the other end "
                    + "is gone); pending bytes '" + Ascii.escape(lines.drain()) + "'");
        }
        lines.append(buffer, count);
    }

    private void ensureOpen(String action) {
        if (closed) {
            throw new DeviceDisconnectedException("serial port " + portPath + " is closed: cannot " + action);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
            LOG.info("closed serial port {}", portPath);
        }
    }
}
