package org.facsflow.apps;

import picocli.CommandLine;

import javax.imageio.ImageIO;
import picocli.CommandLine.Command;

/** The {@code facsflow} command line. */
@Command(name = "facsflow", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "facsflow 0.1.0",
        description = "Facial expression analysis with the Facial Action Coding System.",
        subcommands = {SetupCommand.class, ModelsCommand.class, AnalyzeCommand.class, BenchCommand.class, AusCommand.class,
                ValidateCommand.class, ConvertCommand.class, AuditCommand.class, CalibrateCommand.class,
                SummarizeCommand.class, StudyCommand.class, LiveCommand.class, LearnCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // ImageIO would buffer every PNG and JPEG it writes (overlays, plots) in a temporary file: keep it in memory.
        ImageIO.setUseCache(false);
        System.exit(commandLine().execute(args));
    }

    /** The CLI as {@link #main} runs it; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
