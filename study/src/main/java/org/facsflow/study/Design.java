package org.facsflow.study;

/** How participants are spread over conditions, which decides the tests a comparison uses. */
public enum Design {
    /** Every participant watched every condition: paired tests on each participant's difference. */
    WITHIN("within-subject"),
    /** Every participant watched exactly one condition: tests for two independent groups. */
    BETWEEN("between-subject");

    private final String label;

    Design(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
