package io.hyclus.app;

import io.hyclus.app.demo.DemoCommand;
import io.hyclus.core.HyclusVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hyclus} command. */
@Command(name = "hyclus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Hyperspectral conveyor scanning, streaming segmentation and sample analysis.",
        subcommands = {DemoCommand.class, io.hyclus.app.campaign.CampaignCommand.class,
            io.hyclus.app.devices.DevicesCommand.class, io.hyclus.app.devices.BeltCommand.class,
            io.hyclus.app.devices.CameraCommand.class, io.hyclus.app.devices.SimulateDevicesCommand.class,
            io.hyclus.app.segment.SegmentCommand.class, io.hyclus.app.encode.EncodeCommand.class,
            io.hyclus.app.map.MapCommand.class, io.hyclus.app.dashboard.DashboardCommand.class,
            io.hyclus.app.scan.ScanCommand.class,
            io.hyclus.app.export.ExportCommand.class, io.hyclus.app.replay.ReplayCommand.class,
            io.hyclus.app.tsne.TsneCommand.class,
            io.hyclus.app.train.TrainCommand.class, io.hyclus.app.train.RetrainCommand.class,
            io.hyclus.app.train.ModelsCommand.class,
            io.hyclus.app.report.ReportCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with HyClus's error handling. Exit codes: 0 done; 2 a bad option or argument, refused by
     * picocli or by {@link OptionChecks} before anything starts (message, then the usage); 1 a failure while running
     * (work directory in use or not creatable, cluster not answering, device fault...): a HyclusException or
     * IllegalArgumentException prints {@code hyclus: message}, anything else also its stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("hyclus: " + ex.getMessage());
            if (!(ex instanceof io.hyclus.core.HyclusException) && !(ex instanceof IllegalArgumentException)) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hyclus " + HyclusVersion.get()};
        }
    }
}
