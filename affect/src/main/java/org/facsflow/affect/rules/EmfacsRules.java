package org.facsflow.affect.rules;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The EMFACS table: AU combinations that predict emotions (Friesen &amp; Ekman's EMFACS-7), read from a CSV users can
 * edit. The built-in table is {@code emfacs-rules.csv} beside this class; its header comment and the module README
 * name the sources and what was simplified. File format: {@code emotion,kind,combination} with kind
 * {@code prototype} or {@code variant} and the combination as in {@link AuTerm} joined by '+'; '#' starts a comment.
 */
public final class EmfacsRules {
    private final List<EmfacsRule> rules;

    public EmfacsRules(List<EmfacsRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in table. */
    public static EmfacsRules standard() {
        try (InputStream in = EmfacsRules.class.getResourceAsStream("/org/facsflow/affect/emfacs-rules.csv")) {
            if (in == null) throw new IllegalStateException("emfacs-rules.csv is missing from the classpath");
            return parse("emfacs-rules.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's table; the exception message names the file and line of any problem. */
    public static EmfacsRules load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    static EmfacsRules parse(String source, Reader reader) throws IOException {
        List<EmfacsRule> rules = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int lineNumber = 0;
        boolean header = true;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) continue;
            String[] cells = text.split(",", -1);
            if (header) {
                header = false;
                if (cells[0].trim().equalsIgnoreCase("emotion")) continue;
            }
            try {
                if (cells.length != 3) throw new IllegalArgumentException("expected emotion,kind,combination");
                Emotion emotion = Emotion.ofLabel(cells[0]);
                EmfacsRule.Kind kind = EmfacsRule.Kind.valueOf(cells[1].trim().toUpperCase(Locale.ROOT));
                rules.add(EmfacsRule.of(emotion, kind, cells[2]));
            } catch (RuntimeException e) {
                throw new IOException(source + ", line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (rules.isEmpty()) throw new IOException(source + ": no rules");
        return new EmfacsRules(rules);
    }

    public List<EmfacsRule> rules() {
        return rules;
    }

    /**
     * Every emotion's score for one face in one frame. Among an emotion's rules that fire, the most specific one (most
     * required actions; then the higher score) explains the face, as an EMFACS coder picks the fullest combination
     * that fits, and its score is the emotion's: a full prototype is not outscored by a variant that leaves out its
     * weakest action. 0 when no rule of the emotion fires; NaN when none could be evaluated.
     */
    public RuleScores score(AuIntensities aus) {
        float[] scores = EmotionScores.unmeasured().values();
        Map<Emotion, EmfacsRule> matched = new EnumMap<>(Emotion.class);
        for (EmfacsRule rule : rules) {
            float s = rule.score(aus);
            if (Float.isNaN(s)) continue;
            int i = rule.emotion().ordinal();
            if (Float.isNaN(scores[i])) scores[i] = 0;
            if (s <= 0) continue;
            EmfacsRule best = matched.get(rule.emotion());
            int size = rule.terms().size(), bestSize = best == null ? 0 : best.terms().size();
            if (best == null || size > bestSize || (size == bestSize && s > scores[i])) {
                scores[i] = s;
                matched.put(rule.emotion(), rule);
            }
        }
        return new RuleScores(new EmotionScores(scores), matched);
    }
}
