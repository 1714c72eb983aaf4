package org.facsflow.interop.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.Coding;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.InteropFormatException;
import org.facsflow.interop.boris.BorisTabular;
import org.facsflow.interop.elan.FacsTiers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads any supported file, recognising its tool from its name and first lines (never from the name alone):
 * .eaf (ELAN); .json (Affectiva JSON lines, OpenGraphAU); text whose first line is an iMotions "#..." block, a
 * FaceReader log title or a BORIS export; CSVs with OpenFace's columns (OpenFace, facsflow), Py-Feat's, an iMotions
 * FACET extract's, or a frame column with AU columns (human frame labels). Anything else is an error that lists
 * what was expected.
 */
public final class CodingFiles {
    public static final String KNOWN = "OpenFace/facsflow CSV, Py-Feat Fex CSV, iMotions 5-6 export or FACET extract, "
            + "FaceReader detailed or state log, Affectiva JSON lines, OpenGraphAU JSON, ELAN .eaf, BORIS events export, "
            + "frame-label CSV";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodingFiles() {
    }

    public static Coding read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new InteropFormatException(file, "no such file");
        if (Files.size(file) == 0) throw new InteropFormatException(file, "empty file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".eaf")) return FacsTiers.read(file);
        if (name.endsWith(".boris"))
            throw new InteropFormatException(file, "a BORIS project: export its events (Observations > Export events > "
                    + "Tabular events) and read that file");
        if (name.endsWith(".gz")) return OpenFaceReader.read(file);
        TextFile text = TextFile.read(file);
        if (text.size() == 0) throw new InteropFormatException(file, "empty file");
        String first = text.line(1);
        if (name.endsWith(".json") || first.trim().startsWith("{")) return json(text);
        if (IMotionsReader.recognisesRaw(first)) return IMotionsReader.read(text);
        if (FaceReaderReader.recognises(first)) return FaceReaderReader.read(text);
        if (BorisTabular.recognises(first) || first.contains("Behavior type")) return BorisTabular.read(text);
        char sep = FrameLabelReader.separator(first);
        List<String> names = TextFile.cells(first, sep).stream().map(String::trim).toList();
        if (OpenFaceReader.recognises(names)) return OpenFaceReader.read(file);
        if (PyFeatReader.recognises(names)) return PyFeatReader.read(text);
        if (IMotionsReader.recognisesExtract(names)) return IMotionsReader.read(text);
        if (FrameLabelReader.recognises(names)) return FrameLabelReader.read(text);
        throw new InteropFormatException(file, 1, "unknown format: expected one of " + KNOWN);
    }

    /** As {@link #read}, for a caller that needs frame-level codes. */
    public static AuTable readTable(Path file) throws IOException {
        if (read(file) instanceof AuTable table) return table;
        throw new InteropFormatException(file, "holds events, not frame-by-frame AU values");
    }

    /** As {@link #read}, for a caller that needs events. */
    public static EventLabels readEvents(Path file) throws IOException {
        if (read(file) instanceof EventLabels events) return events;
        throw new InteropFormatException(file, "holds frame-by-frame AU values, not events");
    }

    private static Coding json(TextFile text) throws IOException {
        JsonNode first;
        try {
            first = JSON.readTree(text.line(1));
        } catch (JsonProcessingException e) {
            first = null; // a pretty-printed document: its first line is not a whole object
        }
        if (first != null && AffectivaReader.recognises(first)) return AffectivaReader.read(text, JSON);
        JsonNode root;
        try {
            root = JSON.readTree(text.path().toFile());
        } catch (JsonProcessingException e) {
            throw new InteropFormatException(text.path(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON (truncated?): " + e.getOriginalMessage());
        }
        if (OpenGraphAuReader.recognises(root)) return OpenGraphAuReader.read(text.path(), root);
        throw new InteropFormatException(text.path(), 1, "unknown JSON layout: expected Affectiva JSON lines "
                + "(\"joy\", \"smile\", ...) or OpenGraphAU (time -> {\"Name -- AU1\": p, ...})");
    }
}
