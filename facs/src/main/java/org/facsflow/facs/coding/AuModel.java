package org.facsflow.facs.coding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.facsflow.facs.ActionUnit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prediction step's coefficients: per AU a linear model on baseline-subtracted {@link FacialMeasures}, as stored
 * in {@code au-model.json} (the committed one is {@link #standard()}; {@code facsflow calibrate} writes new ones).
 *
 * @param note    how the model was made (inputs and their SHA-256, frames, command, date), free-form
 * @param neutral the population neutral face for stills: per geometric measure (full name, e.g. "corner_height_R")
 *                the mean over the training people of their neutral value; texture measures have none
 * @param aus     one entry per coded AU
 */
public record AuModel(Map<String, Object> note, Map<String, Double> neutral, List<Entry> aus) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String RESOURCE = "/org/facsflow/facs/au-model.json";

    /**
     * One AU's model: intensity = intercept + sum weights[i] * (measure[i] - neutral[i]) - the person's offset
     * ({@link NeutralBaseline#offsets}), clipped to [0, 5]; present at {@code threshold} or more.
     *
     * @param au        FACS number
     * @param measures  base names from {@link FacialMeasures#SIDED} (taken on the side being coded, or the mean of both
     *                  sides for a bilateral value) or {@link FacialMeasures#MIDLINE}
     * @param cutoff    the share (0-1) of a person's frames taken to be free of the AU: the percentile of their
     *                  predictions subtracted as their offset (OpenFace's cut-off); 0 = no offset (prior AUs)
     * @param source    "fitted" (ridge regression on reference outputs) or "prior" (set by hand from the FACS
     *                  description; no reference intensity exists to fit or validate it)
     */
    public record Entry(int au, List<String> measures, double[] weights, double intercept, double cutoff,
                        double threshold, String source) {
        public Entry {
            if (!(cutoff >= 0 && cutoff < 1)) throw new IllegalArgumentException("AU" + au + ": cutoff " + cutoff + " not in [0, 1)");
            if (measures.size() != weights.length)
                throw new IllegalArgumentException("AU" + au + ": " + measures.size() + " measures but " + weights.length + " weights");
            for (String m : measures)
                if (!FacialMeasures.SIDED.contains(m) && !FacialMeasures.MIDLINE.contains(m))
                    throw new IllegalArgumentException("AU" + au + ": unknown measure \"" + m + "\"");
        }
    }

    public AuModel {
        note = new LinkedHashMap<>(note);
        neutral = neutral == null ? Map.of() : new LinkedHashMap<>(neutral);
        for (String m : neutral.keySet())
            if (FacialMeasures.isTexture(FacialMeasures.index(m)))
                throw new IllegalArgumentException("population neutral: \"" + m + "\" is a texture measure");
        aus = List.copyOf(aus);
    }

    /** The entry for an AU; throws if the model has none. */
    public Entry entry(ActionUnit au) {
        for (Entry e : aus) if (e.au() == au.number()) return e;
        throw new IllegalArgumentException("the AU model has no entry for " + au.code());
    }

    /**
     * Whether the AU is shown to people by default (one-line summaries, the live window's bars): the AUs fitted to
     * reference data; hand-set FACS rules stay in the CSV.
     */
    public boolean isReported(ActionUnit au) {
        return "fitted".equals(entry(au).source());
    }

    /** The committed model, fitted by {@code facsflow calibrate} on the development videos. */
    public static AuModel standard() {
        try (InputStream in = AuModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            return JSON.readValue(in, AuModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static AuModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, AuModel.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable AU model: " + e.getMessage(), e);
        }
    }

    /** Writes to a temporary file and renames it, so a failed write leaves no half model. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A copy with some entries replaced (by AU number), a new population neutral and a new note. */
    public AuModel with(List<Entry> replacements, Map<String, Double> newNeutral, Map<String, Object> newNote) {
        List<Entry> merged = new ArrayList<>(aus);
        for (Entry r : replacements) {
            merged.removeIf(e -> e.au() == r.au());
            merged.add(r);
        }
        merged.sort((a, b) -> Integer.compare(a.au(), b.au()));
        return new AuModel(newNote, newNeutral, merged);
    }
}
