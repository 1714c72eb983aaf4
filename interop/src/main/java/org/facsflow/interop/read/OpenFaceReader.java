package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.InteropFormatException;
import org.facsflow.interop.ToolFormat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * OpenFace CSVs (FeatureExtraction 2.x full 714 columns or any flag subset, pre-2.0 431 columns without face_id,
 * FaceLandmarkImg), with {@code ", "} or {@code ","} separators, plain or gzip, and facsflow's own output (the same
 * layout plus {@code au_baseline} and letter columns). Parsing is {@link OpenFaceCsv}'s; this names the version and
 * maps {@code AUxx_r} to intensity and {@code AUxx_c} to presence.
 */
public final class OpenFaceReader {
    private static final Pattern AU_COLUMN = Pattern.compile("AU(\\d+)_([rc])");

    private OpenFaceReader() {
    }

    /** Whether a header (names trimmed) is OpenFace's layout: a confidence column and AU _r/_c columns. */
    static boolean recognises(List<String> names) {
        return names.contains("confidence") && names.stream().anyMatch(n -> AU_COLUMN.matcher(n).matches());
    }

    public static AuTable read(Path file) throws IOException {
        String separator = headerSeparator(file);
        return table(OpenFaceCsv.read(file), separator);
    }

    /** The table of an already parsed CSV; {@code separator} is the header's, for the version note. */
    public static AuTable table(OpenFaceCsv csv, String separator) throws InteropFormatException {
        List<String> names = csv.columns();
        Map<Integer, String[]> byNumber = new TreeMap<>();
        for (String name : names) {
            Matcher m = AU_COLUMN.matcher(name);
            if (!m.matches()) continue;
            byNumber.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[2])[m.group(2).equals("r") ? 0 : 1] = name;
        }
        if (byNumber.isEmpty()) throw new InteropFormatException(csv.file(), 1, "no AU column (AUxx_r or AUxx_c)");
        List<AuColumn> columns = new ArrayList<>();
        List<String[]> sources = new ArrayList<>();
        for (Map.Entry<Integer, String[]> e : byNumber.entrySet()) {
            ActionUnit au;
            try {
                au = ActionUnit.of(e.getKey());
            } catch (NoSuchElementException x) {
                throw new InteropFormatException(csv.file(), 1, "column AU" + e.getKey() + "_*: no FACS code " + e.getKey());
            }
            columns.add(new AuColumn(au, e.getValue()[0] != null, e.getValue()[1] != null));
            sources.add(e.getValue());
        }
        AuTable.Builder table = new AuTable.Builder(csv.file(), version(names, separator), columns);
        boolean image = !names.contains("frame");
        for (OpenFaceRow r : csv.rows()) {
            AuRow row = table.add(image ? 1 : r.key().frame(), r.key().face(), r.value("timestamp"), r.success());
            for (int i = 0; i < columns.size(); i++) {
                if (sources.get(i)[0] != null) row.intensity()[i] = (float) r.value(sources.get(i)[0]);
                if (sources.get(i)[1] != null) row.presence()[i] = (float) r.value(sources.get(i)[1]);
            }
        }
        return table.build();
    }

    static ToolFormat version(List<String> names, String separator) {
        String sep = "'" + separator + "' separators";
        if (names.contains("au_baseline") || names.stream().anyMatch(n -> n.endsWith("_letter")))
            return new ToolFormat("facsflow", "CSV (OpenFace 2 layout, " + names.size() + " columns, " + sep + ")");
        if (!names.contains("frame"))
            return new ToolFormat("OpenFace", "FaceLandmarkImg (still images, " + names.size() + " columns, " + sep + ")");
        if (!names.contains("face_id"))
            return new ToolFormat("OpenFace", "pre-2.0 FeatureExtraction (" + names.size() + " columns, no face_id, " + sep + ")");
        String what = names.size() == 714 ? "all outputs, 714 columns" : names.size() + " columns (a subset of outputs)";
        return new ToolFormat("OpenFace", "2.x FeatureExtraction (" + what + ", " + sep + ")");
    }

    /** ", " or ",": how the header separates names (the data rows of ", " files may use two spaces). */
    private static String headerSeparator(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            return header != null && header.contains(", ") ? ", " : ",";
        } catch (NoSuchFileException e) {
            throw new InteropFormatException(file, "no such file");
        } catch (IOException e) {
            throw new InteropFormatException(file, "cannot read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }
}
