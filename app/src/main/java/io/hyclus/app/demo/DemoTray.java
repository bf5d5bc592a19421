package io.hyclus.app.demo;

import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.SimulatedSample;

import java.util.ArrayList;
import java.util.List;

/** The demo's one tray: samples drawn from the reference campaign so that a few already show all three factors. */
final class DemoTray {
    private DemoTray() {
    }

    /** Sample i: plant i/2 mod 3, month i/6, fraction alternating; the tray is {@code demo-01}. */
    static SimulatedTray plan(List<SimulatedSample> campaign, int samples) {
        List<SimulatedSample> chosen = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int plant = (i / 2) % 3;
            int month = i / 6;
            int fraction = i % 2;
            chosen.add(campaign.get(plant * 24 + month * 2 + fraction));
        }
        return TrayPlanner.plan(chosen, chosen.size(), "demo").get(0);
    }
}
