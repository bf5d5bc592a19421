package io.hyclus.simulator.fault;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FaultScheduleTest {

    @Test
    void firesAfterSkippingMatchingCommands_forTheGivenTimes() {
        FaultSchedule schedule = new FaultSchedule(FaultPlan.of(1,
                FaultInjection.on("get pos", FaultKind.SILENCE).afterSkipping(2).times(2)));
        List<String> seen = new ArrayList<>();
        for (String command : List.of("get pos", "move vel 5", "get pos", "get pos", "", "get pos", "get pos")) {
            seen.add(schedule.next(command).map(f -> f.kind().name()).orElse("-"));
        }
        assertEquals(List.of("-", "-", "-", "SILENCE", "-", "SILENCE", "-"), seen);
    }

    @Test
    void emptyPrefix_matchesEveryCommand_andTheFirstListedWins() {
        FaultSchedule schedule = new FaultSchedule(FaultPlan.of(1,
                FaultInjection.on("move", FaultKind.GARBAGE).persistent(),
                FaultInjection.on("", FaultKind.DISCONNECT).afterSkipping(1)));
        assertEquals(FaultKind.GARBAGE, schedule.next("move abs 5").orElseThrow().kind());
        assertEquals(FaultKind.GARBAGE, schedule.next("move abs 6").orElseThrow().kind());
        assertEquals("Optional.empty", schedule.next("get pos").toString());
    }

    @Test
    void rejectNeedsAReason_andOnlyRejectCarriesOne() {
        assertThrows(IllegalArgumentException.class, () -> new FaultInjection(FaultKind.REJECT, "", 0, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new FaultInjection(FaultKind.SILENCE, "", 0, 1, "BADDATA"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.on("", FaultKind.STALL).times(0));
    }
}
