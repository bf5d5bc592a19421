package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.camera.CameraSettings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraProtocolTest {

    @Test
    void commands_formatAsDocumented() {
        assertEquals("INT 5000", CameraCommand.integrationMicros(5000).format());
        assertEquals("FPS 100.500", CameraCommand.frameRateHz(100.5).format());
        assertEquals("ROI 128 512", CameraCommand.regionOfInterest(128, 512).format());
        assertEquals("SHUT CLOSED", CameraCommand.shutter(false).format());
        assertEquals("ACQ START", CameraCommand.acquisition(true).format());
        assertEquals("TEMP?", CameraCommand.query("TEMP").format());
    }

    @Test
    void commands_parseTolerantOfBlanks_andRefuseGarbage() {
        assertEquals(CameraCommand.regionOfInterest(0, 64), CameraCommand.parse("  ROI  0 64 \r"));
        assertEquals(CameraCommand.query("STAT"), CameraCommand.parse("STAT?"));
        assertThrows(IllegalArgumentException.class, () -> CameraCommand.parse("int 5"));
        assertThrows(IllegalArgumentException.class, () -> CameraCommand.parse("INT? 5"));
        assertThrows(IllegalArgumentException.class, () -> CameraCommand.parse(""));
    }

    @Test
    void replies_parseOkAndErrors() {
        assertEquals(CameraReply.Ok.of("INT", "5000"), CameraReply.parse("OK INT 5000"));
        assertEquals(new CameraReply.Error(CameraError.CONFLICT, "integration 10000 us exceeds the frame period"),
                CameraReply.parse("ER 04 CONFLICT integration 10000 us exceeds the frame period"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CameraReply.parse("ER 03 CONFLICT mismatch"));
        assertTrue(e.getMessage().contains("error code 03 is OUT_OF_RANGE, not CONFLICT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CameraReply.parse("OK"));
        assertThrows(IllegalArgumentException.class, () -> CameraReply.parse("\u00ffOK INT 5"));
    }

    @Test
    void limits_nameTheBadValue() {
        assertEquals(Optional.of("integration time 0 us outside 1-100000 us"), CameraLimits.integrationMicros(0));
        assertEquals(Optional.empty(), CameraLimits.integrationMicros(100_000));
        assertEquals(Optional.of("frame rate 10.0005 Hz has more than 3 decimals"), CameraLimits.frameRateHz(10.0005));
        assertEquals(Optional.empty(), CameraLimits.frameRateHz(33.333));
        assertEquals(Optional.of("ROI 1000+25 does not fit the sensor's 1024 pixels"),
                CameraLimits.regionOfInterest(1000, 25, 1024));
        assertEquals(Optional.empty(), CameraLimits.regionOfInterest(1000, 24, 1024));
        assertEquals(Optional.of("integration 20001 us exceeds the frame period 20000 us at 50.0 Hz"),
                CameraLimits.fitsFrame(20_001, 50));
        assertEquals(Optional.of("spatial binning 3 is not 1, 2 or 4"), CameraLimits.binning("spatial", 3));
    }

    @Test
    void status_formatsEveryField() {
        CameraSettings s = new CameraSettings(5000, 100.5, 2, 4, 128, 512, false, true);
        assertEquals(List.of("INT=5000", "FPS=100.500", "BINS=2", "BINX=4", "ROI=128,512", "SHUT=CLOSED", "ACQ=RUNNING"),
                CameraStatus.format(s));
        assertThrows(IllegalArgumentException.class, () -> CameraStatus.parse(List.of("INT=5000")));
    }

    @Property
    void command_formatThenParse_isIdentity(@ForAll("commands") CameraCommand command) {
        assertEquals(command, CameraCommand.parse(command.format()));
    }

    @Property
    void reply_formatThenParse_isIdentity(@ForAll("replies") CameraReply reply) {
        assertEquals(reply, CameraReply.parse(reply.format()));
    }

    @Property
    void status_formatThenParse_isIdentity(@ForAll("settings") CameraSettings settings) {
        assertEquals(settings, CameraStatus.parse(CameraStatus.format(settings)));
    }

    @Provide
    Arbitrary<CameraCommand> commands() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 100_000).map(CameraCommand::integrationMicros),
                Arbitraries.integers().between(1000, 1_000_000).map(mHz -> CameraCommand.frameRateHz(mHz / 1000.0)),
                Arbitraries.of(1, 2, 4).map(CameraCommand::spectralBinning),
                Arbitraries.of(1, 2, 4).map(CameraCommand::spatialBinning),
                Combinators.combine(Arbitraries.integers().between(0, 1023), Arbitraries.integers().between(1, 1024))
                        .as(CameraCommand::regionOfInterest),
                Arbitraries.of(true, false).map(CameraCommand::shutter),
                Arbitraries.of(true, false).map(CameraCommand::acquisition),
                Arbitraries.of("IDN", "STAT", "TEMP", "INT", "FPS", "ROI").map(CameraCommand::query));
    }

    @Provide
    Arbitrary<CameraReply> replies() {
        Arbitrary<CameraReply> ok = Combinators.combine(Arbitraries.of("INT", "FPS", "ROI", "IDN", "TEMP"),
                Arbitraries.strings().withChars("ABCXYZ0123456789.,=-").ofMinLength(1).ofMaxLength(12).list()
                        .ofMaxSize(6)).as(CameraReply.Ok::new);
        Arbitrary<CameraReply> error = Combinators.combine(Arbitraries.of(CameraError.class),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40)
                        .filter(d -> !d.isBlank() && d.equals(d.strip()))).as(CameraReply.Error::new);
        return Arbitraries.oneOf(ok, error);
    }

    @Provide
    Arbitrary<CameraSettings> settings() {
        return Combinators.combine(Arbitraries.integers().between(1, 1000), Arbitraries.integers().between(1000, 1_000_000),
                Arbitraries.of(1, 2, 4), Arbitraries.of(1, 2, 4), Arbitraries.integers().between(0, 512),
                Arbitraries.integers().between(1, 128), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((micros, mHz, bins, binx, first, blocks, open, acq) -> new CameraSettings(micros, mHz / 1000.0,
                        bins, binx, first, blocks * binx, open, acq));
    }
}
