package org.facsflow.interop;

import org.facsflow.facs.ActionUnit;

/**
 * Which measures a table has for one AU: an intensity on the FACS 0-5 scale (1 = A ... 5 = E, as OpenFace's
 * {@code _r}) and/or a presence in [0, 1] (0/1 for tools that decide, the probability for tools that give one;
 * present at 0.5 or more). A tool's own scale is mapped onto these by its reader; a score that is neither (FACET's
 * log-odds evidence) is turned into a probability there.
 */
public record AuColumn(ActionUnit au, boolean intensity, boolean presence) {
    public AuColumn {
        if (!intensity && !presence) throw new IllegalArgumentException(au.code() + ": neither intensity nor presence");
    }
}
