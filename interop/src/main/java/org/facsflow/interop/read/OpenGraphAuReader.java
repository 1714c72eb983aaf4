package org.facsflow.interop.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.InteropFormatException;
import org.facsflow.interop.ToolFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenGraphAU (ME-GraphAU) video output: one JSON object keyed by time in seconds (as a string) with 41 AU
 * probabilities each, keyed "Name -- AU12" (only frames with a face appear). The code after "--" is what counts
 * (the names carry a known label error); the lateral AUL/AUR keys are skipped. Its demo computes the key as
 * frame / fps with the 1-based frame number, one frame late, so the frame rate is estimated from the smallest
 * spacing of the keys, frame = round(key x fps) and time = (frame - 1) / fps. Probabilities go to presence.
 */
public final class OpenGraphAuReader {
    private static final Pattern CODE = Pattern.compile(".*--\\s*AU(\\d+)\\s*");

    private OpenGraphAuReader() {
    }

    static boolean recognises(JsonNode root) {
        if (!root.isObject() || root.isEmpty()) return false;
        Map.Entry<String, JsonNode> first = root.fields().next();
        return first.getValue().isObject() && first.getValue().fieldNames().hasNext()
                && first.getValue().fieldNames().next().contains("-- AU");
    }

    public static AuTable read(Path file, JsonNode root) throws InteropFormatException {
        TreeMap<Double, JsonNode> byTime = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                byTime.put(Double.parseDouble(e.getKey()), e.getValue());
            } catch (NumberFormatException x) {
                throw new InteropFormatException(file, "key \"" + e.getKey() + "\" is not a time in seconds");
            }
        }
        JsonNode first = byTime.firstEntry().getValue();
        List<AuColumn> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Matcher m = CODE.matcher(key);
            if (!m.matches()) continue;
            Optional<ActionUnit> au = AuNames.code(Integer.parseInt(m.group(1)));
            if (au.isEmpty()) throw new InteropFormatException(file, "key \"" + key + "\" names no FACS AU");
            columns.add(new AuColumn(au.get(), false, true));
            keys.add(key);
        }
        if (columns.isEmpty()) throw new InteropFormatException(file, "no \"Name -- AUn\" key in the first frame");
        double step = Double.POSITIVE_INFINITY, previous = Double.NaN;
        for (double t : byTime.keySet()) {
            if (t - previous > 1e-6) step = Math.min(step, t - previous);
            previous = t;
        }
        double fps = Double.isInfinite(step) ? Double.NaN : 1 / step;
        String note = Double.isNaN(fps) ? "one frame" : String.format(Locale.ROOT, "%.2f fps from the key spacing", fps);
        AuTable.Builder table = new AuTable.Builder(file,
                new ToolFormat("OpenGraphAU", columns.size() + " AUs, JSON keyed by time (" + note + ")"), columns);
        for (Map.Entry<Double, JsonNode> e : byTime.entrySet()) {
            int frame = Double.isNaN(fps) ? 1 : (int) Math.round(e.getKey() * fps);
            AuRow row = table.add(frame, 0, Double.isNaN(fps) ? e.getKey() : (frame - 1) / fps, true);
            for (int i = 0; i < keys.size(); i++) {
                JsonNode v = e.getValue().get(keys.get(i));
                if (v == null || !v.isNumber())
                    throw new InteropFormatException(file, "frame at " + e.getKey() + " s: \"" + keys.get(i)
                            + "\" missing or not a number");
                row.presence()[i] = (float) v.asDouble();
            }
        }
        return table.build();
    }
}
