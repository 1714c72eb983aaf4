package org.facsflow.interop.read;

import org.facsflow.interop.InteropFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small text export read whole, whatever its line ends (CRLF, LF, or the classic Mac CR-only of some iMotions
 * and FaceReader files) and encoding (UTF-8, else Windows-1252, as Windows tools write), with 1-based line numbers
 * for error messages. Tools' exports run to a few MB; OpenFace's larger CSVs go through the facs module's reader.
 */
public final class TextFile {
    private final Path path;
    private final List<String> lines;
    private final String lineEnds;

    private TextFile(Path path, List<String> lines, String lineEnds) {
        this.path = path;
        this.lines = lines;
        this.lineEnds = lineEnds;
    }

    public static TextFile read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InteropFormatException(path, "no such file");
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int crlf = count(text, "\r\n"), cr = count(text, "\r") - crlf, lf = count(text, "\n") - crlf;
        String ends = crlf >= cr && crlf >= lf && crlf > 0 ? "CRLF" : cr > lf ? "CR" : "LF";
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return new TextFile(path, lines, ends);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    public Path path() {
        return path;
    }

    /** The number of lines. */
    public int size() {
        return lines.size();
    }

    /** Line {@code number}, 1-based, without its line end. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    /** "CRLF", "LF" or "CR": the file's usual line end. */
    public String lineEnds() {
        return lineEnds;
    }

    /** An error at line {@code number} of this file. */
    public InteropFormatException error(int number, String problem) {
        return new InteropFormatException(path, number, problem);
    }

    /**
     * The cells of one line split at {@code separator}, each trimmed; a cell in double quotes may hold the separator
     * (and doubled quotes), as pandas and BORIS quote when needed.
     */
    public static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (inQuotes || cell.toString().isBlank())) {
                if (inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
                else inQuotes = !inQuotes;
            } else if (c == separator && !inQuotes) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /**
     * The cells of data line {@code number} of a table with {@code columns} columns: fewer is an error (a truncated
     * row), more is allowed only where the extra cells are empty (rows padded with separators).
     */
    public List<String> row(int number, char separator, int columns) throws InteropFormatException {
        List<String> cells = cells(line(number), separator);
        if (cells.size() < columns)
            throw error(number, cells.size() + " fields where the header has " + columns + " (a truncated row?)");
        for (int i = columns; i < cells.size(); i++)
            if (!cells.get(i).isEmpty()) throw error(number, cells.size() + " fields where the header has " + columns);
        return cells;
    }

    /**
     * A cell as a number: empty, "nan", "NA" and "-nan" are NaN (not measured); anything else that does not parse is
     * an error naming the line and the column.
     */
    public double number(String cell, int lineNumber, String column) throws InteropFormatException {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("-nan") || cell.equals("NA"))
            return Double.NaN;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw error(lineNumber, "column \"" + column + "\": \"" + cell + "\" is not a number");
        }
    }
}
