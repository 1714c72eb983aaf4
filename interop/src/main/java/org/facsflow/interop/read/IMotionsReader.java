package org.facsflow.interop.read;

import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.ToolFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iMotions raw text exports with Emotient FACET (iMotions 5.x and 6.x): tab-separated, a block of {@code #Key : value}
 * lines ({@code #Version : 5.7.2375.0}) and a blank line before the header, any line ends (one published copy has
 * CR only). Only rows whose {@code EventSource} includes FACET are frames (5.x interleaves eye-tracker rows that
 * repeat the last FACET values). Also FACET evidence extracts: comma-separated, AU columns without " Evidence", no
 * time column.
 *
 * <p>FACET's "Evidence" is the log10 odds that the AU is present (iMotions' FACET guide), so presence =
 * 1 / (1 + 10^-evidence): 0 evidence is even odds. Frames are numbered by their order among FACET rows, as
 * {@code FrameNo} restarts with each stimulus; time is {@code Timestamp} (ms since the recording began) in seconds.
 * A frame with {@code NoOfFaces} below 1 or empty AU cells has no face. Personal columns (Name, Age, Gender) are
 * never read.
 */
public final class IMotionsReader {
    private static final Pattern VERSION = Pattern.compile("#Version\\s*:\\s*((\\d+)\\.[\\d.]*)");
    private static final Pattern EVIDENCE = Pattern.compile("AU(\\d+)(?: Evidence)?");

    private IMotionsReader() {
    }

    static boolean recognisesRaw(String firstLine) {
        return firstLine.startsWith("#Study") || firstLine.startsWith("#Version") || firstLine.startsWith("#Date");
    }

    static boolean recognisesExtract(List<String> names) {
        return names.contains("NoOfFaces") && names.contains("AU12") && names.contains("Joy");
    }

    public static AuTable read(TextFile file) throws IOException {
        if (recognisesRaw(file.line(1))) return readRaw(file);
        return readExtract(file);
    }

    private static AuTable readRaw(TextFile file) throws IOException {
        String version = null;
        int n = 1;
        for (; n <= file.size() && file.line(n).startsWith("#"); n++) {
            Matcher m = VERSION.matcher(file.line(n));
            if (m.lookingAt()) {
                version = m.group(1);
                int major = Integer.parseInt(m.group(2));
                if (major < 5 || major > 6)
                    throw file.error(n, "iMotions version " + version + " is not supported: expected 5.x or 6.x "
                            + "(raw tab-separated export)");
            }
        }
        if (version == null) throw file.error(n, "no \"#Version : x.y\" line in the header block");
        while (n <= file.size() && file.line(n).replace("\t", "").isBlank()) n++;
        if (n > file.size()) throw file.error(n - 1, "the file ends before the column header (truncated?)");
        int headerLine = n;
        Header header = Header.of(TextFile.cells(file.line(headerLine), '\t'));
        for (String required : List.of("EventSource", "Timestamp", "NoOfFaces"))
            if (!header.has(required))
                throw file.error(headerLine, "no \"" + required + "\" column: not an iMotions FACET export");
        Columns au = columns(header, headerLine, file);
        ToolFormat format = new ToolFormat("iMotions", version + " raw export, Emotient FACET (tab-separated, "
                + file.lineEnds() + " line ends)");
        AuTable.Builder table = new AuTable.Builder(file.path(), format, au.columns);
        int source = header.at("EventSource"), timestamp = header.at("Timestamp"), faces = header.at("NoOfFaces");
        for (n = headerLine + 1; n <= file.size(); n++) {
            if (file.line(n).replace("\t", "").isBlank()) continue;
            List<String> cells = file.row(n, '\t', header.size());
            if (!cells.get(source).contains("FACET")) continue;
            double ms = file.number(cells.get(timestamp), n, "Timestamp");
            if (Double.isNaN(ms)) throw file.error(n, "empty Timestamp");
            double found = file.number(cells.get(faces), n, "NoOfFaces");
            addRow(table, file, n, cells, au, ms / 1000, found >= 1);
        }
        return table.build();
    }

    private static AuTable readExtract(TextFile file) throws IOException {
        Header header = Header.of(TextFile.cells(file.line(1), ','));
        if (!recognisesExtract(header.names()))
            throw file.error(1, "not an iMotions FACET extract: expected Joy, AU12 and NoOfFaces columns");
        Columns au = columns(header, 1, file);
        AuTable.Builder table = new AuTable.Builder(file.path(),
                new ToolFormat("iMotions", "FACET evidence extract (comma-separated, no time column)"), au.columns);
        int faces = header.at("NoOfFaces");
        for (int n = 2; n <= file.size(); n++) {
            if (file.line(n).isBlank()) continue;
            List<String> cells = file.row(n, ',', header.size());
            addRow(table, file, n, cells, au, Double.NaN, file.number(cells.get(faces), n, "NoOfFaces") >= 1);
        }
        return table.build();
    }

    private static void addRow(AuTable.Builder table, TextFile file, int n, List<String> cells, Columns au,
                               double time, boolean faceFound) throws IOException {
        AuRow row = table.add(table.size() + 1, 0, time, faceFound && !cells.get(au.at.get(0)).isEmpty());
        if (!row.success()) return;
        for (int i = 0; i < au.at.size(); i++) {
            double evidence = file.number(cells.get(au.at.get(i)), n, au.names.get(i));
            row.presence()[i] = (float) (1 / (1 + Math.pow(10, -evidence)));
        }
    }

    private record Columns(List<AuColumn> columns, List<Integer> at, List<String> names) {
    }

    private static Columns columns(Header header, int line, TextFile file) throws IOException {
        Columns au = new Columns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < header.size(); i++) {
            Matcher m = EVIDENCE.matcher(header.names().get(i));
            if (!m.matches()) continue;
            Optional<ActionUnit> code = AuNames.code(Integer.parseInt(m.group(1)));
            if (code.isEmpty()) throw file.error(line, "column \"" + header.names().get(i) + "\" names no FACS AU");
            au.columns.add(new AuColumn(code.get(), false, true));
            au.at.add(i);
            au.names.add(header.names().get(i));
        }
        if (au.columns.isEmpty()) throw file.error(line, "no AU column (\"AU1 Evidence\", ...)");
        return au;
    }
}
