package io.hyclus.app.devices;

import com.fazecast.jSerialComm.SerialPort;

import java.util.Arrays;
import java.util.List;

/** The serial ports the operating system reports, as "path  description" lines. */
final class SerialPorts {
    private SerialPorts() {
    }

    static List<String> list() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(p -> String.format("%-20s %s", p.getSystemPortPath(), p.getPortDescription())).toList();
    }
}
