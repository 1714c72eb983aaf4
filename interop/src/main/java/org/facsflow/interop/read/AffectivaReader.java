package org.facsflow.interop.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Affectiva (Affdex) Emotion API output as JSON lines: one object per frame or image with expression scores 0-100
 * under camelCase names and {@code Timestamp} in seconds. Expressions map to AUs as Affectiva documents them
 * (innerBrowRaise AU1, browRaise AU2, browFurrow AU4, eyeWiden AU5, cheekRaise AU6, lidTighten AU7, noseWrinkle AU9,
 * upperLipRaise AU10, smile AU12, dimpler AU14, lipCornerDepressor AU15, chinRaise AU17, lipPucker AU18, lipStretch
 * AU20, lipPress AU24, mouthOpen AU25, jawDrop AU26, lipSuck AU28, eyeClosure AU43); smirk and attention have no AU.
 * Scores / 100 are read as presence; a line without these keys is a frame without a face.
 */
public final class AffectivaReader {
    private static final Map<String, Integer> EXPRESSIONS = new LinkedHashMap<>();

    static {
        String[] names = {"innerBrowRaise", "browRaise", "browFurrow", "eyeWiden", "cheekRaise", "lidTighten",
                "noseWrinkle", "upperLipRaise", "smile", "dimpler", "lipCornerDepressor", "chinRaise", "lipPucker",
                "lipStretch", "lipPress", "mouthOpen", "jawDrop", "lipSuck", "eyeClosure"};
        int[] aus = {1, 2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 18, 20, 24, 25, 26, 28, 43};
        for (int i = 0; i < names.length; i++) EXPRESSIONS.put(names[i], aus[i]);
    }

    private AffectivaReader() {
    }

    static boolean recognises(JsonNode first) {
        return first.isObject() && first.has("smile") && first.has("joy");
    }

    public static AuTable read(TextFile file, ObjectMapper json) throws IOException {
        List<AuColumn> columns = new ArrayList<>();
        for (int au : EXPRESSIONS.values()) columns.add(new AuColumn(ActionUnit.of(au), false, true));
        AuTable.Builder table = new AuTable.Builder(file.path(),
                new ToolFormat("Affectiva", "Emotion API JSON lines (scores 0-100)"), columns);
        for (int n = 1; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            JsonNode frame;
            try {
                frame = json.readTree(file.line(n));
            } catch (JsonProcessingException e) {
                throw file.error(n, "not a JSON object (truncated?): " + e.getOriginalMessage());
            }
            if (!frame.isObject()) throw file.error(n, "expected one JSON object per line");
            JsonNode time = frame.get("Timestamp");
            boolean face = frame.has("smile");
            AuRow row = table.add(table.size() + 1, 0, time != null && time.isNumber() ? time.asDouble() : Double.NaN, face);
            int i = 0;
            for (String name : EXPRESSIONS.keySet()) {
                JsonNode v = frame.get(name);
                if (face && (v == null || !v.isNumber()))
                    throw file.error(n, "expression \"" + name + "\" missing or not a number");
                if (face) row.presence()[i] = (float) (v.asDouble() / 100);
                i++;
            }
        }
        return table.build();
    }
}
