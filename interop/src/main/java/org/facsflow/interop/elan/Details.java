package org.facsflow.interop.elan;

import org.facsflow.affect.episodes.Episode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "key=value key=value" text of facsflow's detail annotations: what an episode or segment carries beyond its
 * label and millisecond times, with numbers in Java's shortest exact form, so reading them back gives the same
 * doubles and floats.
 */
final class Details {
    private final Map<String, String> values = new LinkedHashMap<>();

    Details put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    Details episode(Episode e) {
        return put("onset_frame", e.onsetFrame()).put("apex_frame", e.apexFrame()).put("offset_frame", e.offsetFrame())
                .put("onset_s", e.onset()).put("apex_s", e.apex()).put("offset_s", e.offset()).put("peak", e.peak())
                .put("truncated", e.truncated());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return out.toString();
    }

    static Details parse(String text) {
        Details d = new Details();
        for (String token : text.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("\"" + token + "\" is not key=value");
            d.values.put(token.substring(0, eq), token.substring(eq + 1));
        }
        return d;
    }

    String text(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalArgumentException("no " + key + "= in \"" + this + "\"");
        return v;
    }

    double number(String key) {
        return Double.parseDouble(text(key));
    }

    float single(String key) {
        return Float.parseFloat(text(key));
    }

    long whole(String key) {
        return Long.parseLong(text(key));
    }

    Episode episode() {
        return new Episode(whole("onset_frame"), whole("apex_frame"), whole("offset_frame"), number("onset_s"),
                number("apex_s"), number("offset_s"), single("peak"), Boolean.parseBoolean(text("truncated")));
    }
}
