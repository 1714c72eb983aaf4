package org.facsflow.study.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a comparison's results come from, stated on every output: the facsflow version, when they were made, and
 * whether the frames were simulated ({@code facsflow study simulate}) rather than measured from faces.
 *
 * @param version   the facsflow version (the build's project version)
 * @param created   when the comparison ran
 * @param simulated whether any compared recording's frames came from the simulation
 */
public record Provenance(String version, ZonedDateTime created, boolean simulated) {
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm (zzz)",
            Locale.ENGLISH);

    /** The label simulated results carry on every page, file and chart. */
    public static final String SIMULATED = "SIMULATED";

    /** Now, with this build's version. */
    public static Provenance now(boolean simulated) {
        return new Provenance(buildVersion(), ZonedDateTime.now(), simulated);
    }

    /** "facsflow 0.1.0, 3 December 2026 at 14:05 (CET)". */
    public String line() {
        return "facsflow " + version + ", " + created.format(READABLE);
    }

    /** One sentence saying the data are simulated; empty for measured data. */
    public String simulatedWarning() {
        return simulated ? SIMULATED + " DATA: these AU time series come from 'facsflow study simulate', not from "
                + "any face. They show how the analysis works and say nothing about real viewers." : "";
    }

    /** "SIMULATED: " before a title of simulated results; nothing otherwise. */
    public String titlePrefix() {
        return simulated ? SIMULATED + ": " : "";
    }

    static String buildVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/org/facsflow/study/facsflow.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String version = p.getProperty("version", "");
            // an unfiltered copy (a build that skipped Maven's resource filtering) still holds the placeholder
            return version.isEmpty() || version.startsWith("${") ? "(development build)" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
