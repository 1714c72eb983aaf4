package org.facsflow.facs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One FACS 2002 code (Ekman, Friesen &amp; Hager), as listed in {@code facs-codes.json}: the only place the codes are
 * written down. The constants below are looked up in that file when the class loads, so a constant whose code the
 * file lacks stops the class from loading rather than disagreeing with it.
 *
 * @param number     the FACS number, e.g. 12
 * @param name       the FACS name, e.g. "Lip Corner Puller"
 * @param muscles    the muscular basis FACS gives, or a statement that it gives none (descriptors, head/eye codes)
 * @param appearance one line on what the action looks like, in our words
 * @param category   main AU, action descriptor, head or eye position, visibility or gross behaviour
 * @param unilateral whether facsflow may score the action on one side only (FACS's L/R prefix, from the person's own
 *                   left/right); false for midline, sphincter and jaw actions and for position codes
 */
public record ActionUnit(int number, String name, String muscles, String appearance, FacsCategory category,
                         boolean unilateral) {

    private static final Map<Integer, ActionUnit> BY_NUMBER = load();

    public static final ActionUnit AU1 = of(1);
    public static final ActionUnit AU2 = of(2);
    public static final ActionUnit AU4 = of(4);
    public static final ActionUnit AU5 = of(5);
    public static final ActionUnit AU6 = of(6);
    public static final ActionUnit AU7 = of(7);
    public static final ActionUnit AU9 = of(9);
    public static final ActionUnit AU10 = of(10);
    public static final ActionUnit AU11 = of(11);
    public static final ActionUnit AU12 = of(12);
    public static final ActionUnit AU14 = of(14);
    public static final ActionUnit AU15 = of(15);
    public static final ActionUnit AU16 = of(16);
    public static final ActionUnit AU17 = of(17);
    public static final ActionUnit AU18 = of(18);
    public static final ActionUnit AU20 = of(20);
    public static final ActionUnit AU22 = of(22);
    public static final ActionUnit AU23 = of(23);
    public static final ActionUnit AU24 = of(24);
    public static final ActionUnit AU25 = of(25);
    public static final ActionUnit AU26 = of(26);
    public static final ActionUnit AU27 = of(27);
    public static final ActionUnit AU28 = of(28);
    public static final ActionUnit AU43 = of(43);
    public static final ActionUnit AU45 = of(45);

    /** The AUs facsflow's coder measures, in FACS order. */
    public static final List<ActionUnit> CODED = List.of(AU1, AU2, AU4, AU5, AU6, AU7, AU9, AU10, AU11, AU12, AU14,
            AU15, AU16, AU17, AU18, AU20, AU22, AU23, AU24, AU25, AU26, AU27, AU28, AU43, AU45);

    public ActionUnit {
        if (number <= 0) throw new IllegalArgumentException("FACS code number must be positive: " + number);
        Objects.requireNonNull(category, () -> "code " + number + " has no category");
        for (String text : new String[]{name, muscles, appearance})
            if (text == null || text.isBlank())
                throw new IllegalArgumentException("code " + number + " lacks its name, muscles or appearance");
    }

    /** The code of FACS number {@code number}; throws for a number FACS does not define (or we do not list). */
    public static ActionUnit of(int number) {
        ActionUnit au = BY_NUMBER.get(number);
        if (au == null) throw new NoSuchElementException("no FACS code " + number + " in facs-codes.json");
        return au;
    }

    /** Every code in the catalogue, by number. */
    public static List<ActionUnit> all() {
        return BY_NUMBER.values().stream().sorted(Comparator.comparingInt(ActionUnit::number)).toList();
    }

    /** How the code is written, e.g. "AU12", "AD19", "70". */
    public String code() {
        return category.prefix() + number;
    }

    private static Map<Integer, ActionUnit> load() {
        try (InputStream in = ActionUnit.class.getResourceAsStream("facs-codes.json")) {
            if (in == null) throw new IllegalStateException("facs-codes.json is missing from the classpath");
            List<ActionUnit> codes = new ObjectMapper().readValue(in, new TypeReference<List<ActionUnit>>() {});
            return codes.stream().collect(Collectors.toUnmodifiableMap(ActionUnit::number, Function.identity(),
                    (a, b) -> {
                        throw new IllegalStateException("facs-codes.json lists code " + a.number() + " twice");
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read facs-codes.json", e);
        }
    }
}
