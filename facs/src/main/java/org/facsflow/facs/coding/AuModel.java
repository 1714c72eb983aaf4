package org.facsflow.facs.coding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.facsflow.facs.ActionUnit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AU coder's learned numbers, as stored in {@code au-model.json} (the committed one is {@link #standard()};
 * {@code facsflow calibrate} writes new ones): how a face becomes the descriptor the models read
 * ({@link Descriptor}), and per coded AU either linear models fitted to reference outputs or a hand-set FACS rule.
 *
 * <p>Fitted AUs read the descriptor {@code d} of a frame and the person's neutral {@code n} (their median descriptor):
 * intensity = {@code running} on {@code [d - n, n]} (or on {@code [d - n, n, bends]}, {@link Curvature}, where its
 * weights are that long), plus the {@code residual} trees on {@code [d - n, n, bends]} where calibration chose them,
 * minus the person's cut-off offset, clipped to [0, 5]; stills (no neutral known) use
 * {@code still} on {@code d}. Presence is {@code presence} (a score on the same inputs) at or above
 * {@code threshold}, or, where {@code presence} is null, the intensity at or above it. Prior AUs are
 * {@code intercept + sum weights[i] * (measure[i] - population neutral)} on the named {@link FacialMeasures}.
 *
 * @param note       how the model was made (inputs and their SHA-256, folds, command, date), free-form
 * @param descriptor the reductions of shape and appearance (learned at calibration)
 * @param neutral    the population neutral face of the prior AUs: per geometric measure (full name, e.g.
 *                   "corner_height_R") the mean over the training people of their neutral value
 * @param aus        one entry per coded AU
 */
public record AuModel(Map<String, Object> note, Descriptor descriptor, Map<String, Double> neutral, List<Entry> aus) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String RESOURCE = "/org/facsflow/facs/au-model.json";
    public static final String FITTED = "fitted", PRIOR = "prior";

    /** A linear function of a vector: {@code intercept + sum weights[i] * x[i]}. */
    public record Linear(float[] weights, double intercept) {
        public float apply(float[] x) {
            double sum = intercept;
            for (int i = 0; i < weights.length; i++) sum += weights[i] * x[i];
            return (float) sum;
        }
    }

    /**
     * A principal-component reduction as stored: mean and scale as numbers, the basis as little-endian float32 in
     * base64 (a quarter of its size as JSON numbers).
     */
    public record Reduction(float[] mean, float[] scale, byte[] basis) {
        public static Reduction of(Projection p) {
            ByteBuffer b = ByteBuffer.allocate(4 * p.basis().length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(p.basis());
            return new Reduction(p.mean(), p.scale(), b.array());
        }

        public Projection projection() {
            float[] values = new float[basis.length / 4];
            ByteBuffer.wrap(basis).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return new Projection(mean, values, scale);
        }
    }

    /**
     * {@link RegressionTrees} as stored: per node its input index, split value and first child as little-endian
     * int32, float32, int32 in base64 (a third of their size as JSON numbers); {@code roots} where each tree starts.
     */
    public record Trees(int[] roots, byte[] nodes) {
        private static final int NODE_BYTES = 12;

        public static Trees of(RegressionTrees t) {
            int[] inputs = t.inputs(), children = t.children();
            float[] values = t.values();
            ByteBuffer b = ByteBuffer.allocate(NODE_BYTES * inputs.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int n = 0; n < inputs.length; n++) b.putInt(inputs[n]).putFloat(values[n]).putInt(children[n]);
            return new Trees(t.roots(), b.array());
        }

        public RegressionTrees trees() {
            int count = nodes.length / NODE_BYTES;
            int[] inputs = new int[count], children = new int[count];
            float[] values = new float[count];
            ByteBuffer b = ByteBuffer.wrap(nodes).order(ByteOrder.LITTLE_ENDIAN);
            for (int n = 0; n < count; n++) {
                inputs[n] = b.getInt();
                values[n] = b.getFloat();
                children[n] = b.getInt();
            }
            return new RegressionTrees(roots, inputs, values, children);
        }
    }

    /**
     * How a face becomes the descriptor: the {@link FacialMeasures} standardised ({@code (m - measureMean) /
     * measureScale}), then the principal components of the head-frame mesh ({@code shape}), of the HOG
     * ({@code appearance}) and of the shrunk grey face ({@code thumbnail}) of {@link FaceFeatures}.
     */
    public record Descriptor(float[] measureMean, float[] measureScale, Reduction shape, Reduction appearance,
                             Reduction thumbnail) {
        public Descriptor {
            if (measureMean.length != FacialMeasures.COUNT || measureScale.length != FacialMeasures.COUNT)
                throw new IllegalArgumentException("descriptor: " + measureMean.length + " measure means for "
                        + FacialMeasures.COUNT + " measures");
        }

        /** The descriptor's length. */
        public int length() {
            return FacialMeasures.COUNT + shape.scale().length + appearance.scale().length + thumbnail.scale().length;
        }
    }

    /**
     * One AU.
     *
     * @param au             FACS number
     * @param source         {@link #FITTED} (learned from reference outputs) or {@link #PRIOR} (a FACS rule set by hand;
     *                       no reference intensity exists to fit it)
     * @param reported       whether default outputs show it ({@link AuModel#reported()}); false marks it experimental
     * @param check          why: for a prior AU, the result of calibration's check on the training corpus
     * @param running        fitted: intensity from {@code [d - n, n]} (descriptor minus the person's neutral, neutral),
     *                       followed by the {@link Curvature} bends where its weights are that long
     * @param residual       fitted: boosted trees on {@code [d - n, n, bends]} added to {@code running}'s output (what
     *                       the linear model misses); null where calibration found them no better
     * @param cutoff         fitted: the percentile (0-1) of the person's own predictions taken off as their offset
     *                       (OpenFace's cut-off); 0: none
     * @param still          fitted: intensity from {@code d} alone (stills, and a live face's first frames)
     * @param presence       fitted: a presence score from the same inputs as {@code running}; null: presence reads
     *                       the intensity
     * @param threshold      presence at or above this (of the score, or of the intensity)
     * @param stillThreshold presence of a still: its intensity at or above this
     * @param sides          fitted, one-sided AUs: the FACS-named sided measures whose right-minus-left difference
     *                       (standardised, neutral taken off) splits the intensity between the sides
     * @param sideWeights    their weights
     * @param measures       prior: base names from {@link FacialMeasures#SIDED} or {@link FacialMeasures#MIDLINE}
     * @param weights        prior: per measure
     * @param intercept      prior: the rule's intercept
     */
    public record Entry(int au, String source, boolean reported, String check,
                        Linear running, Trees residual, double cutoff, Linear still, Linear presence, double threshold,
                        double stillThreshold, List<String> sides, float[] sideWeights,
                        List<String> measures, double[] weights, double intercept) {
        public Entry {
            if (FITTED.equals(source)) {
                if (running == null || still == null)
                    throw new IllegalArgumentException("AU" + au + ": a fitted AU needs running and still models");
                if (!(cutoff >= 0 && cutoff < 1)) throw new IllegalArgumentException("AU" + au + ": cutoff " + cutoff + " not in [0, 1)");
                sides = sides == null ? List.of() : List.copyOf(sides);
                if (sideWeights == null) sideWeights = new float[0];
                if (sides.size() != sideWeights.length)
                    throw new IllegalArgumentException("AU" + au + ": " + sides.size() + " side measures but " + sideWeights.length + " weights");
                for (String m : sides)
                    if (!FacialMeasures.SIDED.contains(m)) throw new IllegalArgumentException("AU" + au + ": \"" + m + "\" is not a sided measure");
            } else if (PRIOR.equals(source)) {
                if (measures == null || weights == null || measures.size() != weights.length)
                    throw new IllegalArgumentException("AU" + au + ": a prior AU needs as many weights as measures");
                for (String m : measures)
                    if (!FacialMeasures.SIDED.contains(m) && !FacialMeasures.MIDLINE.contains(m))
                        throw new IllegalArgumentException("AU" + au + ": unknown measure \"" + m + "\"");
                measures = List.copyOf(measures);
            } else {
                throw new IllegalArgumentException("AU" + au + ": source \"" + source + "\" is neither fitted nor prior");
            }
        }

        public boolean fitted() {
            return FITTED.equals(source);
        }

        /** A fitted entry. */
        public static Entry ofFitted(int au, Linear running, Trees residual, double cutoff, Linear still, Linear presence,
                                     double threshold, double stillThreshold, List<String> sides, float[] sideWeights) {
            return new Entry(au, FITTED, true, "fitted to reference outputs", running, residual, cutoff, still, presence, threshold,
                    stillThreshold, sides, sideWeights, null, null, 0);
        }

        /** This prior entry, reported or marked experimental, with the check that decided it. */
        public Entry judged(boolean reported, String check) {
            return new Entry(au, source, reported, check, running, residual, cutoff, still, presence, threshold, stillThreshold,
                    sides, sideWeights, measures, weights, intercept);
        }
    }

    public AuModel {
        note = new LinkedHashMap<>(note);
        neutral = neutral == null ? Map.of() : new LinkedHashMap<>(neutral);
        for (String m : neutral.keySet())
            if (FacialMeasures.isTexture(FacialMeasures.index(m)))
                throw new IllegalArgumentException("population neutral: \"" + m + "\" is a texture measure");
        aus = List.copyOf(aus);
        int length = descriptor.length();
        for (Entry e : aus)
            if (e.fitted() && (!runningLength(e.running(), length) || e.still().weights().length != length
                    || (e.presence() != null && !runningLength(e.presence(), length))
                    || (e.residual() != null && e.residual().trees().largestInput() >= 2 * length + Curvature.LENGTH)))
                throw new IllegalArgumentException("AU" + e.au() + ": model sizes do not match the descriptor's " + length);
    }

    /** Whether a running model reads {@code [d - n, n]}, or that and the {@link Curvature} bends. */
    private static boolean runningLength(Linear model, int length) {
        int w = model.weights().length;
        return w == 2 * length || w == 2 * length + Curvature.LENGTH;
    }

    /** The entry for an AU; throws if the model has none. */
    public Entry entry(ActionUnit au) {
        for (Entry e : aus) if (e.au() == au.number()) return e;
        throw new IllegalArgumentException("the AU model has no entry for " + au.code());
    }

    /**
     * The AUs default outputs report (CSV columns, the live window, summaries, study statistics): every AU fitted to
     * reference outputs, and the prior AUs that passed calibration's check. In {@link ActionUnit#CODED} order.
     */
    public List<ActionUnit> reported() {
        return ActionUnit.CODED.stream().filter(this::isReported).toList();
    }

    /** Whether default outputs report the AU ({@link #reported()}). */
    public boolean isReported(ActionUnit au) {
        return entry(au).reported();
    }

    /** The coded AUs not reported by default: hand-set rules that failed the check; shown only when asked for. */
    public List<ActionUnit> experimental() {
        return ActionUnit.CODED.stream().filter(au -> !isReported(au)).toList();
    }

    /** The committed model, fitted by {@code facsflow calibrate} on the training corpus (read once, shared). */
    public static AuModel standard() {
        return Standard.MODEL;
    }

    private static final class Standard {
        static final AuModel MODEL = load();

        private static AuModel load() {
            try (InputStream in = AuModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
                return JSON.readValue(in, AuModel.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
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

    /** A copy with some entries replaced (by AU number) and a new note. */
    public AuModel with(List<Entry> replacements, Map<String, Object> newNote) {
        List<Entry> merged = new ArrayList<>(aus);
        for (Entry r : replacements) {
            merged.removeIf(e -> e.au() == r.au());
            merged.add(r);
        }
        merged.sort((a, b) -> Integer.compare(a.au(), b.au()));
        return new AuModel(newNote, descriptor, neutral, merged);
    }
}
