package org.facsflow.pipeline.table;

import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.Agreement;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.affect.classifier.ExpressionModel;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.Gaze;
import org.facsflow.face.HeadPose;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.media.voice.VoiceFrame;
import org.facsflow.pipeline.FaceResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The result table, declared once (the role Py-FEAT's Fex plays): every column's name, type, unit and group, and how
 * its value is read from a {@link FaceResult}. The CSV and Parquet writers, {@code summarize}, {@code validate}, the
 * study's frame store and the live window's recording all take their columns from here.
 *
 * <p>Names and order follow OpenFace 2's FeatureExtraction CSV where a column exists there, so its readers work
 * unchanged: frame, face_id, timestamp, confidence, success, gaze, pose, 68 landmarks in 2-D and 3-D, then OpenFace's
 * AUxx_r (its 17) and AUxx_c (its 18, AU28 only _c). Ours follow: the face box, the mesh (on request), our other
 * coded AUs, one-sided intensities, FACS letters, the baseline, and the affect layer. An empty cell means not
 * measurable (a turned or covered face) or not found (success 0), never zero.
 */
public final class ResultSchema {
    public static final String FRAME = "frame", FACE_ID = "face_id", TIMESTAMP = "timestamp", CONFIDENCE = "confidence",
            SUCCESS = "success", VALENCE = "valence", AROUSAL = "arousal", AGREEMENT = "emo_rules_agree",
            BASELINE = "au_baseline";
    /** Fused, smoothed probability of each classified emotion: emo_anger, ..., emo_neutral. */
    public static final String EMOTION_PREFIX = "emo_";
    /** EMFACS rule score of each ruled emotion: rule_anger, ..., rule_surprise. */
    public static final String RULE_PREFIX = "rule_";
    /** The voice columns (group VOICE): voice_active, voice_energy, ... */
    public static final String VOICE_ACTIVE = "voice_active", VOICE_ENERGY = "voice_energy", VOICE_VOICED = "voice_voiced",
            VOICE_F0 = "voice_f0", VOICE_F0_SEMITONES = "voice_f0_st", VOICE_RATE = "voice_rate", VOICE_MOUTH_R = "voice_mouth_r";

    /** OpenFace 2's AU_r columns, in its order. */
    public static final List<Integer> OPENFACE_INTENSITY = List.of(1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 45);
    /** OpenFace 2's AU_c columns, in its order. */
    public static final List<Integer> OPENFACE_PRESENCE = List.of(1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 20, 23, 25, 26, 28, 45);

    /** Appends one block's values for a row; only called for rows that have the block's value. */
    private interface Values<T> {
        void append(T value, RowCells out);
    }

    /** A block of columns filled from one value of the row (the face, its AUs, its affect), empty where it is null. */
    private record Block<T>(List<Column> columns, Function<FaceResult, T> value, Values<T> values) {
        void append(FaceResult row, RowCells out) {
            T v = value.apply(row);
            if (v != null) values.append(v, out);
            else for (int i = 0; i < columns.size(); i++) out.text("");
        }
    }

    private final List<Block<?>> blocks;
    private final List<Column> columns;
    private final Map<String, Column> byName = new LinkedHashMap<>();

    private ResultSchema(List<Block<?>> blocks) {
        this.blocks = List.copyOf(blocks);
        List<Column> all = new ArrayList<>();
        for (Block<?> b : blocks) all.addAll(b.columns());
        this.columns = List.copyOf(all);
        Set<String> sqlNames = new HashSet<>();
        for (Column c : columns)
            if (byName.put(c.name(), c) != null || !sqlNames.add(c.sqlKey()))
                throw new IllegalStateException("column " + c.name() + " declared twice");
    }

    /** Every column facsflow writes, with the mesh only when asked (it identifies a person). */
    public static ResultSchema standard(boolean mesh) {
        return standard(mesh, false);
    }

    /** The AUs results carry: every coded one with {@code experimentalAus}, else those the AU model reports. */
    public static List<ActionUnit> reportedAus(boolean experimentalAus) {
        return experimentalAus ? ActionUnit.CODED : AuModel.standard().reported();
    }

    /**
     * As {@link #standard(boolean)}; with {@code experimentalAus} also the columns of the hand-set AUs that failed
     * calibration's check ({@code AuModel.experimental()}), otherwise left out. OpenFace's own columns are always there
     * (AU28_c, experimental, then empty), so its readers find their layout.
     */
    public static ResultSchema standard(boolean mesh, boolean experimentalAus) {
        List<ActionUnit> ours = reportedAus(experimentalAus);
        List<Block<?>> blocks = new ArrayList<>(List.of(frame(), gaze(), pose(), landmarks2d(), landmarks3d(), faceBox()));
        if (mesh) blocks.add(mesh());
        blocks.addAll(List.of(auIntensity(ours), auPresence(ours), auSides(ours), auLetters(ours)));
        for (ExpressionModel m : ExpressionModel.values()) blocks.add(emotionModel(m));
        blocks.addAll(List.of(emotions(), rules(), circumplex()));
        return new ResultSchema(blocks);
    }

    /**
     * This schema with the voice columns after all others (a video analysed with its audio track): empty on rows whose
     * face is not the one speaking, and throughout when the track is silent or not speech.
     */
    public ResultSchema withVoice() {
        List<Block<?>> all = new ArrayList<>(blocks);
        all.add(voice());
        return new ResultSchema(all);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> column(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether the named column is declared as text (FACS letters, the baseline); unknown names are not. */
    public boolean isText(String name) {
        Column c = byName.get(name);
        return c != null && c.type() == ColumnType.TEXT;
    }

    /** The intensity column of an AU, OpenFace's spelling: AU01_r, AU12_r, ... */
    public static String intensity(ActionUnit au) {
        return code(au.number()) + "_r";
    }

    /** The presence column of an AU: AU01_c, ... */
    public static String presence(ActionUnit au) {
        return code(au.number()) + "_c";
    }

    /** A one-sided AU's intensity on the subject's own left: AU12_L_r, ... */
    public static String left(ActionUnit au) {
        return code(au.number()) + "_L_r";
    }

    /** A one-sided AU's intensity on the subject's own right: AU12_R_r, ... */
    public static String right(ActionUnit au) {
        return code(au.number()) + "_R_r";
    }

    /** The fused probability column of an emotion, e.g. emo_happiness. */
    public static String emotion(Emotion e) {
        return EMOTION_PREFIX + e.label();
    }

    /** Writes one row's cells into {@code out}, in column order: the values themselves, before any CSV formatting. */
    public void write(FaceResult row, RowCells out) {
        for (Block<?> b : blocks) b.append(row, out);
    }

    /** Each column's decimals, in order, for {@link CsvRow}. */
    int[] decimals() {
        return columns.stream().mapToInt(Column::decimals).toArray();
    }

    // The blocks, in table order.

    private static Block<FaceResult> frame() {
        List<Column> c = List.of(
                new Column(FRAME, ColumnType.INTEGER, "", 0, ColumnGroup.FRAME, "the source's frame number, 1-based"),
                new Column(FACE_ID, ColumnType.INTEGER, "", 0, ColumnGroup.FRAME, "stable id within the input"),
                new Column(TIMESTAMP, ColumnType.NUMBER, "s", 3, ColumnGroup.FRAME, "the frame's time in the source"),
                new Column(CONFIDENCE, ColumnType.NUMBER, "0-1", 2, ColumnGroup.FRAME, "how sure the face stage is that a face is there"),
                new Column(SUCCESS, ColumnType.INTEGER, "0/1", 0, ColumnGroup.FRAME, "1 when the face was found and measured"));
        return new Block<>(c, Function.identity(), (r, out) -> {
            out.integer(r.frame());
            out.integer(r.faceId());
            out.number(r.time());
            out.number(r.confidence());
            out.integer(r.success() ? 1 : 0);
        });
    }

    private static Block<FaceObservation> gaze() {
        List<Column> c = new ArrayList<>();
        for (String eye : List.of("0", "1"))
            for (String axis : List.of("x", "y", "z"))
                c.add(new Column("gaze_" + eye + "_" + axis, ColumnType.NUMBER, "unit vector", 6, ColumnGroup.GAZE,
                        "gaze direction of eye " + eye + " (0 leftmost in the image), camera coordinates"));
        c.add(new Column("gaze_angle_x", ColumnType.NUMBER, "rad", 3, ColumnGroup.GAZE, "mean gaze, positive to the image's right"));
        c.add(new Column("gaze_angle_y", ColumnType.NUMBER, "rad", 3, ColumnGroup.GAZE, "mean gaze, positive down"));
        return face(c, (face, out) -> {
            Gaze g = face.gaze();
            for (float v : g.direction0()) out.number(v);
            for (float v : g.direction1()) out.number(v);
            out.number(g.angleX());
            out.number(g.angleY());
        });
    }

    private static Block<FaceObservation> pose() {
        List<Column> c = new ArrayList<>();
        for (String t : List.of("Tx", "Ty", "Tz"))
            c.add(new Column("pose_" + t, ColumnType.NUMBER, "mm", 1, ColumnGroup.POSE, "head position, camera coordinates"));
        for (String r : List.of("Rx", "Ry", "Rz"))
            c.add(new Column("pose_" + r, ColumnType.NUMBER, "rad", 3, ColumnGroup.POSE, "pitch, yaw, roll (R = Rx Ry Rz)"));
        return face(c, (face, out) -> {
            HeadPose p = face.pose();
            out.number(p.tx());
            out.number(p.ty());
            out.number(p.tz());
            out.number(p.rx());
            out.number(p.ry());
            out.number(p.rz());
        });
    }

    private static Block<FaceObservation> landmarks2d() {
        return face(planarColumns(List.of("x", "y"), FaceObservation.LANDMARKS_68, "px", 1, ColumnGroup.LANDMARKS_2D,
                "iBUG landmark, pixel centres on integers"), (face, out) -> planar(face.landmarks68(), 2, out));
    }

    private static Block<FaceObservation> landmarks3d() {
        return face(planarColumns(List.of("X", "Y", "Z"), FaceObservation.LANDMARKS_68, "mm", 1, ColumnGroup.LANDMARKS_3D,
                "iBUG landmark in camera coordinates"), (face, out) -> planar(face.landmarks68World(), 3, out));
    }

    private static Block<FaceObservation> faceBox() {
        List<Column> c = new ArrayList<>();
        for (String n : List.of("face_x", "face_y", "face_width", "face_height"))
            c.add(new Column(n, ColumnType.NUMBER, "px", 1, ColumnGroup.FACE_BOX, "face box from the mesh extent"));
        return face(c, (face, out) -> {
            out.number(face.box().x());
            out.number(face.box().y());
            out.number(face.box().width());
            out.number(face.box().height());
        });
    }

    private static Block<FaceObservation> mesh() {
        return face(planarColumns(List.of("mesh_x", "mesh_y", "mesh_z"), FaceObservation.MESH_POINTS, "px", 2, ColumnGroup.MESH,
                "mesh vertex (468-472 right iris, 473-477 left); z relative depth"), (face, out) -> planar(face.mesh(), 3, out));
    }

    /** OpenFace's 17 intensities, then our other coded AUs' (AU28_r included). */
    private static Block<AuFrame> auIntensity(List<ActionUnit> ours) {
        List<ActionUnit> aus = new ArrayList<>();
        for (int n : OPENFACE_INTENSITY) aus.add(ActionUnit.of(n));
        for (ActionUnit au : ours) if (!OPENFACE_INTENSITY.contains(au.number())) aus.add(au);
        List<Column> c = aus.stream().map(au -> new Column(intensity(au), ColumnType.NUMBER, "0-5", 2,
                ColumnGroup.AU_INTENSITY, au.code() + " " + au.name())).toList();
        return aus(c, (f, out) -> {
            for (ActionUnit au : aus) out.number(f.intensity(au));
        });
    }

    /** OpenFace's 18 presence flags, then our other coded AUs'; written 1.00 / 0.00 as OpenFace does. */
    private static Block<AuFrame> auPresence(List<ActionUnit> ours) {
        List<ActionUnit> aus = new ArrayList<>();
        for (int n : OPENFACE_PRESENCE) aus.add(ActionUnit.of(n));
        for (ActionUnit au : ours) if (!OPENFACE_PRESENCE.contains(au.number())) aus.add(au);
        List<Column> c = aus.stream().map(au -> new Column(presence(au), ColumnType.NUMBER, "0/1", 2,
                ColumnGroup.AU_PRESENCE, au.code() + " " + au.name() + " present")).toList();
        return aus(c, (f, out) -> {
            for (ActionUnit au : aus)
                out.number(Float.isNaN(f.intensity(au)) ? Double.NaN : f.present(au) ? 1 : 0);
        });
    }

    private static Block<AuFrame> auSides(List<ActionUnit> ours) {
        List<ActionUnit> sided = ours.stream().filter(ActionUnit::unilateral).toList();
        List<Column> c = new ArrayList<>();
        for (ActionUnit au : sided) {
            c.add(new Column(left(au), ColumnType.NUMBER, "0-5", 2, ColumnGroup.AU_SIDES,
                    au.code() + " on the subject's own left"));
            c.add(new Column(right(au), ColumnType.NUMBER, "0-5", 2, ColumnGroup.AU_SIDES,
                    au.code() + " on the subject's own right"));
        }
        return aus(c, (f, out) -> {
            for (ActionUnit au : sided) {
                out.number(f.left(au));
                out.number(f.right(au));
            }
        });
    }

    private static Block<AuFrame> auLetters(List<ActionUnit> ours) {
        List<Column> c = new ArrayList<>();
        for (ActionUnit au : ours)
            c.add(new Column(code(au.number()) + "_letter", ColumnType.TEXT, "A-E", 0, ColumnGroup.AU_LETTERS,
                    "FACS intensity letter of " + au.code() + ", empty below A"));
        c.add(new Column(BASELINE, ColumnType.TEXT, "", 0, ColumnGroup.AU_LETTERS,
                "the neutral face the AUs were coded against: still, running, offline or segment"));
        return aus(c, (f, out) -> {
            for (ActionUnit au : ours) out.text(f.letter(au).map(Enum::name).orElse(""));
            out.text(f.baseline().label());
        });
    }

    private static Block<AffectFrame> emotionModel(ExpressionModel model) {
        List<Column> c = Emotion.CLASSIFIED.stream().map(e -> new Column(EMOTION_PREFIX + model.columnName() + "_" + e.label(),
                ColumnType.NUMBER, "0-1", 3, ColumnGroup.EMOTION_MODELS, model.columnName() + " model's probability of " + e.label())).toList();
        return affect(c, (a, out) -> scores(model == ExpressionModel.FER ? a.classifiers().fer() : a.classifiers().faceApi(),
                Emotion.CLASSIFIED, out));
    }

    private static Block<AffectFrame> emotions() {
        List<Column> c = Emotion.CLASSIFIED.stream().map(e -> new Column(emotion(e), ColumnType.NUMBER, "0-1", 3,
                ColumnGroup.EMOTIONS, "probability of " + e.label() + ", both models fused and smoothed")).toList();
        return affect(c, (a, out) -> scores(a.emotions(), Emotion.CLASSIFIED, out));
    }

    private static Block<AffectFrame> rules() {
        List<Column> c = Emotion.RULED.stream().map(e -> new Column(RULE_PREFIX + e.label(), ColumnType.NUMBER, "0-1", 3,
                ColumnGroup.EMFACS_RULES, "EMFACS rule score of " + e.label())).toList();
        return affect(c, (a, out) -> scores(a.rules().scores(), Emotion.RULED, out));
    }

    private static Block<AffectFrame> circumplex() {
        List<Column> c = List.of(
                new Column(VALENCE, ColumnType.NUMBER, "-1..1", 3, ColumnGroup.CIRCUMPLEX, "unpleasant (-1) to pleasant (1)"),
                new Column(AROUSAL, ColumnType.NUMBER, "-1..1", 3, ColumnGroup.CIRCUMPLEX, "calm (-1) to excited (1)"),
                new Column(AGREEMENT, ColumnType.INTEGER, "0/1", 0, ColumnGroup.CIRCUMPLEX,
                        "1 where EMFACS rules and the models name the same emotion; empty without AUs"));
        return affect(c, (a, out) -> {
            out.number(a.circumplex().valence());
            out.number(a.circumplex().arousal());
            if (a.agreement() == Agreement.UNKNOWN) out.text("");
            else out.integer(a.agreement() == Agreement.AGREE ? 1 : 0);
        });
    }

    private static Block<VoiceFrame> voice() {
        List<Column> c = List.of(
                new Column(VOICE_ACTIVE, ColumnType.NUMBER, "0-1", 2, ColumnGroup.VOICE,
                        "share of the frame with voice activity (energy 12 dB above the track's pauses)"),
                new Column(VOICE_ENERGY, ColumnType.NUMBER, "dBFS", 1, ColumnGroup.VOICE,
                        "sound level during the frame (a full-scale sine reads 0)"),
                new Column(VOICE_VOICED, ColumnType.NUMBER, "0-1", 2, ColumnGroup.VOICE,
                        "share of the frame that is voiced (YIN finds a period in active sound)"),
                new Column(VOICE_F0, ColumnType.NUMBER, "Hz", 1, ColumnGroup.VOICE,
                        "fundamental frequency (pitch) of the voiced part; empty when none is voiced"),
                new Column(VOICE_F0_SEMITONES, ColumnType.NUMBER, "semitones", 2, ColumnGroup.VOICE,
                        "that pitch relative to the speaker's median over the recording"),
                new Column(VOICE_RATE, ColumnType.NUMBER, "syllables/s", 2, ColumnGroup.VOICE,
                        "syllable nuclei per second of speaking within 2 s around the frame (articulation rate)"),
                new Column(VOICE_MOUTH_R, ColumnType.NUMBER, "-1..1", 2, ColumnGroup.VOICE,
                        "with several faces, the correlation of this face's mouth opening with voice activity that made it the speaker"));
        return new Block<>(c, FaceResult::voice, (v, out) -> {
            out.number(v.active());
            out.number(v.energyDb());
            out.number(v.voiced());
            out.number(v.f0());
            out.number(v.f0Semitones());
            out.number(v.syllableRate());
            out.number(v.mouthCorrelation());
        });
    }

    private static Block<FaceObservation> face(List<Column> columns, Values<FaceObservation> values) {
        return new Block<>(columns, FaceResult::face, values);
    }

    private static Block<AuFrame> aus(List<Column> columns, Values<AuFrame> values) {
        return new Block<>(columns, FaceResult::aus, values);
    }

    private static Block<AffectFrame> affect(List<Column> columns, Values<AffectFrame> values) {
        return new Block<>(columns, FaceResult::affect, values);
    }

    private static void scores(EmotionScores s, List<Emotion> labels, RowCells out) {
        for (Emotion e : labels) out.number(s.get(e));
    }

    /** Columns of interleaved points written axis by axis (all x, then all y), as OpenFace lays them out. */
    private static List<Column> planarColumns(List<String> axes, int count, String unit, int decimals, ColumnGroup group,
                                              String description) {
        List<Column> c = new ArrayList<>();
        for (String axis : axes)
            for (int i = 0; i < count; i++) c.add(new Column(axis + "_" + i, ColumnType.NUMBER, unit, decimals, group, description));
        return c;
    }

    private static void planar(float[] interleaved, int dims, RowCells out) {
        for (int d = 0; d < dims; d++)
            for (int i = d; i < interleaved.length; i += dims) out.number(interleaved[i]);
    }

    private static String code(int number) {
        return String.format(Locale.ROOT, "AU%02d", number);
    }
}
