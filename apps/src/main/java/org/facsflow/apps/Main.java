package org.facsflow.apps;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import javax.imageio.ImageIO;

/** The {@code facsflow} command line. */
@Command(name = "facsflow", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "facsflow 0.1.0",
        description = "Facial expression analysis with the Facial Action Coding System.",
        subcommands = {SetupCommand.class, ModelsCommand.class, AnalyzeCommand.class, BenchCommand.class, AusCommand.class,
                ValidateCommand.class, ConvertCommand.class, AuditCommand.class, CalibrateCommand.class,
                SummarizeCommand.class, FuseCommand.class, StudyCommand.class, LiveCommand.class, LearnCommand.class})
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
        return new CommandLine(new Main()).addSubcommand(spark()).addSubcommand(new CommandLine.HelpCommand())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * {@code spark}: the Spark module's command, which the launcher puts on the classpath for that command only, so
     * that no other command loads Spark; without it, a command that says how to get it.
     */
    private static Object spark() {
        try {
            return Class.forName("org.facsflow.spark.SparkCommand").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new SparkUnavailable();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
