package org.facsflow.apps;

import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.Coding;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.boris.BorisTabular;
import org.facsflow.interop.convert.AuTableCsv;
import org.facsflow.interop.convert.Conversions;
import org.facsflow.interop.elan.EafWriter;
import org.facsflow.interop.read.CodingFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code facsflow convert}: other tools' AU files and annotation files into facsflow's, OpenFace's, ELAN's or BORIS's. */
@Command(name = "convert", sortOptions = false,
        description = {"Convert AU outputs and annotations between tools. Reads (recognised from the content, the version "
                + "printed): " + CodingFiles.KNOWN + ". Writes:",
                "  facsflow  CSV in OpenFace 2's layout, ',' (frame, face_id, timestamp, confidence, success, AUxx_r, AUxx_c)",
                "  openface  the same with OpenFace's own ', ' separators",
                "  eaf       ELAN 3.0: AU events with FACS letters, smiles (from AU intensities, as analyze finds them)",
                "  boris     BORIS events export (TSV): START/STOP per event, intensity letter as modifier",
                "Events become frames at --frame-rate; frames become events by analyze's episode rule (AUs with an "
                + "intensity) or as runs of present frames (presence only). Each output is written whole or not at all.",
                "Exit status: 0 all converted; 1 an input could not be read or an output not written; 2 bad arguments."})
final class ConvertCommand implements Callable<Integer> {
    enum Format {
        FACSFLOW(".csv"), OPENFACE(".csv"), EAF(".eaf"), BORIS(".tsv");
        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Files to convert.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "Output file, or a folder for several inputs (OUT/<name>.<ext>).")
    Path output;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "facsflow, openface, eaf or boris.")
    Format format;

    @Option(names = "--frame-rate", paramLabel = "FPS", defaultValue = "30",
            description = "Frames per second for tools that give no times and for events turned into frames (default: ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--media", paramLabel = "VIDEO", description = "The video an .eaf should link (default: the one the input names, if any).")
    Path media;

    @Override
    public Integer call() {
        if (!(frameRate > 0)) {
            System.err.println("facsflow convert: --frame-rate must be positive");
            return 2;
        }
        boolean intoFolder = inputs.size() > 1 || Files.isDirectory(output);
        int failed = 0;
        for (Path input : inputs) {
            Path target = intoFolder ? output.resolve(stem(input) + format.extension) : output;
            try {
                Coding coding = CodingFiles.read(input);
                String what = write(coding, target);
                System.out.printf("%s: %s -> %s (%s)%n", input, coding.format(), target, what);
            } catch (IOException | RuntimeException e) {
                System.err.println("facsflow convert: " + e.getMessage());
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private String write(Coding coding, Path target) throws IOException {
        switch (format) {
            case FACSFLOW, OPENFACE -> {
                AuTable table = coding instanceof AuTable t ? t : Conversions.frames(events(coding), frameRate, coding.source());
                if (table.columns().isEmpty()) throw new IOException(coding.source() + ": no AU to write");
                AuTableCsv.write(target, table, format == Format.FACSFLOW ? "," : ", ");
                return table.rows().size() + " rows, " + table.columns().size() + " AUs";
            }
            case EAF -> {
                if (coding instanceof AuTable t && hasIntensity(t)) {
                    var annotations = Conversions.annotations(t, frameRate);
                    EafWriter.write(target, media, annotations);
                    return annotations.events().size() + " AU events, " + annotations.smiles().size() + " smiles";
                }
                EventLabels labels = coding instanceof AuTable t ? Conversions.events(t, frameRate) : events(coding);
                if (media != null)
                    labels = new EventLabels(labels.source(), labels.format(), Optional.of(media.toString()), labels.events());
                EafWriter.write(target, labels);
                return labels.events().size() + " annotations";
            }
            case BORIS -> {
                EventLabels labels = coding instanceof AuTable t ? Conversions.events(t, frameRate) : events(coding);
                BorisTabular.write(target, labels);
                return labels.events().size() + " events";
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    private static EventLabels events(Coding coding) {
        return (EventLabels) coding;
    }

    private static boolean hasIntensity(AuTable table) {
        return table.columns().stream().anyMatch(c -> c.intensity() && ActionUnit.CODED.contains(c.au()));
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        for (String ext : List.of(".csv.gz", ".csv", ".txt", ".tsv", ".json", ".eaf"))
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) return name.substring(0, name.length() - ext.length());
        return name;
    }
}
