package org.facsflow.affect.plot;

import org.facsflow.facs.ActionUnit;

/** How the plots name an AU: its code and FACS name, e.g. "AU12 Lip Corner Puller". */
public final class AuLabels {
    private AuLabels() {
    }

    public static String of(ActionUnit au) {
        return au.code() + " " + au.name();
    }
}
