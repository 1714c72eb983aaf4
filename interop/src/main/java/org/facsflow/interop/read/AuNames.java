package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AU a column or label names, in the spellings tools use: "AU12", "AU01", "au_12", "AU12 Evidence", "12". */
final class AuNames {
    private static final Pattern PLAIN = Pattern.compile("(?i)(?:AU_?)?0*(\\d{1,2})");

    private AuNames() {
    }

    /** The AU of a whole name such as "AU12", "AU01", "au_12" or "12"; empty for anything else or an unknown code. */
    static Optional<ActionUnit> of(String name) {
        Matcher m = PLAIN.matcher(name.trim());
        return m.matches() ? code(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The FACS code {@code number}, empty where the catalogue has none. */
    static Optional<ActionUnit> code(int number) {
        try {
            return Optional.of(ActionUnit.of(number));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
