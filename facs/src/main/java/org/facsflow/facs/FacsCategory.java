package org.facsflow.facs;

/**
 * The kinds of code in the FACS 2002 manual. The prefix is how a code is written: action descriptors and gross
 * behaviours are not action units (FACS names no muscle for them), and visibility codes describe the record, not the
 * face, so they are written as bare numbers.
 */
public enum FacsCategory {
    /** An action unit proper, with the muscle(s) FACS attributes it to. */
    MAIN("AU", "main"),
    /** A movement FACS describes without a muscular basis, e.g. 19 Tongue Show. */
    ACTION_DESCRIPTOR("AD", "descriptor"),
    HEAD("AU", "head"),
    EYE("AU", "eye"),
    VISIBILITY("", "visibility"),
    GROSS_BEHAVIOUR("AD", "gross behaviour");

    private final String prefix;
    private final String label;

    FacsCategory(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    /** "AU", "AD" or nothing, written before the number. */
    public String prefix() {
        return prefix;
    }

    /** Lower-case words for tables. */
    public String label() {
        return label;
    }
}
