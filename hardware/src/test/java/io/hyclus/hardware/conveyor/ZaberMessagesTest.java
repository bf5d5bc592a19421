package io.hyclus.hardware.conveyor;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZaberMessagesTest {

    @Test
    void lrc_matchesZabersWorkedExample() {
        assertEquals(0x8F, Lrc.of("01 tools echo"));
        assertEquals("/1 1 get pos:" + Lrc.hex("1 1 get pos"), ZaberCommand.of(1, 1, "get pos").format(true));
    }

    @Test
    void command_formatsDeviceAxisIdAndWords() {
        assertEquals("/1 1 move abs 1000", ZaberCommand.of(1, 1, "move abs 1000").format(false));
        assertEquals("/1 1 7 get pos", ZaberCommand.of(1, 1, "get pos").withMessageId(7).format(false));
        assertEquals("/1 1", ZaberCommand.of(1, 1, "").format(false));
        assertEquals("/0 0 stop", ZaberCommand.of(0, 0, "stop").format(false));
    }

    @Test
    void command_parsesShortFormsAsADeviceSeesThem() {
        assertEquals(ZaberCommand.of(0, 0, "home"), ZaberCommand.parse("/home"));
        assertEquals(ZaberCommand.of(2, 0, "get pos"), ZaberCommand.parse("/2 get pos"));
        assertEquals(ZaberCommand.of(1, 1, "move vel -500"), ZaberCommand.parse("/1 1 move vel -500\r"));
        assertEquals(ZaberCommand.of(1, 1, "").withMessageId(12), ZaberCommand.parse("/1 1 12"));
        assertEquals(ZaberCommand.of(1, 1, "get pos").withMessageId(3), ZaberCommand.parse("/1 1 3 get pos"));
    }

    @Test
    void command_withWrongChecksum_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZaberCommand.parse("/1 1 get pos:00"));
        assertTrue(e.getMessage().contains("checksum 00 does not match"), e.getMessage());
    }

    @Test
    void reply_parsesAllFields() {
        ZaberReply reply = (ZaberReply) ZaberResponse.parse("@01 1 07 OK BUSY FS 1234");
        assertEquals(new ZaberReply(1, 1, OptionalInt.of(7), true, true, "FS", "1234"), reply);
        assertEquals(WarningFlag.STALLED_AND_STOPPED, reply.flag().orElseThrow());
        ZaberReply rejected = (ZaberReply) ZaberResponse.parse("@01 0 RJ IDLE -- BADDATA");
        assertFalse(rejected.accepted());
        assertEquals("BADDATA", rejected.data());
        assertTrue(rejected.flag().isEmpty());
        ZaberReply warnings = (ZaberReply) ZaberResponse.parse("@01 1 OK IDLE WL 02 FS WL");
        assertEquals("02 FS WL", warnings.data());
    }

    @Test
    void alertsAndInfo_areTheirOwnTypes() {
        assertEquals(new ZaberAlert(1, 1, false, "--"), ZaberResponse.parse("!01 1 IDLE --"));
        assertEquals(new ZaberInfo(1, 0, OptionalInt.empty(), "Commands and settings"),
                ZaberResponse.parse("#01 0 Commands and settings"));
        assertEquals(new ZaberInfo(2, 1, OptionalInt.of(5), "home"), ZaberResponse.parse("#02 1 05 home"));
    }

    @Test
    void malformedReplies_areRefusedSayingWhy() {
        assertThrows(IllegalArgumentException.class, () -> ZaberResponse.parse("@01 1 OK IDLE --"));
        assertThrows(IllegalArgumentException.class, () -> ZaberResponse.parse("@1 1 OK IDLE -- 0"));
        assertThrows(IllegalArgumentException.class, () -> ZaberResponse.parse("@01 1 OK WAIT -- 0"));
        assertThrows(IllegalArgumentException.class, () -> ZaberResponse.parse("@01 1 OK IDLE XY 0"));
        assertThrows(IllegalArgumentException.class, () -> ZaberResponse.parse("@01 1 OK IDLE -- 0:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZaberResponse.parse("\u00ff\u0001garbage"));
        assertTrue(e.getMessage().contains("expected '@', '#' or '!'"), e.getMessage());
    }

    @Test
    void unlistedFlags_mapBySeverityLetter() {
        assertEquals(WarningFlag.UNLISTED_FAULT, WarningFlag.ofCode("FZ"));
        assertEquals(WarningFlag.Severity.WARNING, WarningFlag.ofCode("WL").severity());
        assertEquals(WarningFlag.Severity.NOTICE, WarningFlag.ofCode("NI").severity());
        assertThrows(IllegalArgumentException.class, () -> WarningFlag.ofCode("XX"));
    }

    @Property
    void reply_formatThenParse_isIdentity(@ForAll("replies") ZaberReply reply, @ForAll boolean checksum) {
        assertEquals(reply, ZaberResponse.parse(reply.format(checksum)));
    }

    @Property
    void command_formatThenParse_isIdentity(@ForAll("commands") ZaberCommand command, @ForAll boolean checksum) {
        assertEquals(command, ZaberCommand.parse(command.format(checksum)));
    }

    @Provide
    Arbitrary<ZaberReply> replies() {
        Arbitrary<OptionalInt> ids = Arbitraries.oneOf(Arbitraries.integers().between(0, 99).map(OptionalInt::of),
                Arbitraries.just(OptionalInt.empty()));
        Arbitrary<String> warnings = Arbitraries.of("--", "FS", "WL", "NI", "FQ", "WR", "FZ");
        Arbitrary<String> data = Arbitraries.oneOf(Arbitraries.longs().map(n -> Long.toString(n)),
                Arbitraries.of("BADDATA", "BADCOMMAND", "00", "02 FS WL"));
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9), ids,
                Arbitraries.of(true, false), Arbitraries.of(true, false), warnings, data)
                .as(ZaberReply::new);
    }

    @Provide
    Arbitrary<ZaberCommand> commands() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("", "home", "stop", "get pos", "warnings clear"),
                Arbitraries.longs().between(-10_000_000, 10_000_000).map(n -> "move rel " + n),
                Arbitraries.longs().between(0, 10_000_000).map(n -> "set maxspeed " + n));
        Arbitrary<OptionalInt> ids = Arbitraries.oneOf(Arbitraries.integers().between(0, 99).map(OptionalInt::of),
                Arbitraries.just(OptionalInt.empty()));
        return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9), ids,
                text).as(ZaberCommand::new);
    }
}
