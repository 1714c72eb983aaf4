package org.facsflow.fusion.signal;

import java.util.Locale;

/**
 * What a signal says about the person in late fusion, told from its name: skin conductance and heart rate rise with
 * arousal (sympathetic activation), the rate of eye-tracker and input events with engagement; anything else goes into
 * the early-fusion table only.
 */
public enum SignalRole {
    /** Skin conductance: eda, gsr, scl, skin_conductance, electrodermal. */
    SKIN_CONDUCTANCE,
    /** Heart rate in beats per minute (hr, heart_rate, bpm; ibi files are turned into it). */
    HEART_RATE,
    /** Discrete events whose rate is counted: fixations, saccades, clicks, keys, mouse. */
    EVENTS,
    /** Only in the early-fusion table. */
    OTHER;

    static SignalRole ofName(String name, boolean events) {
        if (events) return EVENTS;
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches("(.*[^a-z])?(eda|gsr|scl|skin_?conductance|electrodermal)([^a-z].*)?")) return SKIN_CONDUCTANCE;
        if (n.matches("(.*[^a-z])?(hr|heart_?rate|bpm|ibi)([^a-z].*)?")) return HEART_RATE;
        return OTHER;
    }
}
