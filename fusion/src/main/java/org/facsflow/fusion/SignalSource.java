package org.facsflow.fusion;

import org.facsflow.fusion.signal.ClockSync;
import org.facsflow.fusion.signal.SignalFileException;
import org.facsflow.fusion.signal.SignalFiles;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A signal file and the declared synchronisation of its clock with the video's:
 * <ul>
 *   <li>{@code offset=S}: the file's clock reads S seconds at the video's 0 (for an E4 export, the Unix time at
 *       which the video started);</li>
 *   <li>{@code markers=FILE}: sync events in the file FILE (times on the signal's clock, one per line, as an E4
 *       {@code tags.csv}) that are also seen in the video at the given video times; two or more correct drift.</li>
 * </ul>
 */
public record SignalSource(Path file, String sync) {
    /** The clock mapping, reading the marker file where one is named. */
    public ClockSync clock(double[] videoMarkers) throws SignalFileException {
        String spec = sync.trim();
        int eq = spec.indexOf('=');
        String kind = eq < 0 ? spec : spec.substring(0, eq).toLowerCase(Locale.ROOT), value = eq < 0 ? "" : spec.substring(eq + 1);
        switch (kind) {
            case "offset" -> {
                try {
                    return ClockSync.offset(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new SignalFileException(file, "--sync offset=" + value + ": not a number of seconds");
                }
            }
            case "markers" -> {
                Path markers = Path.of(value);
                if (videoMarkers == null || videoMarkers.length == 0)
                    throw new SignalFileException(file, "--sync markers=" + value + " needs the same markers' times in the "
                            + "video (--video-markers)");
                return ClockSync.markers(markers, SignalFiles.times(markers), videoMarkers);
            }
            default -> throw new SignalFileException(file, "--sync " + spec + ": say offset=SECONDS or markers=FILE");
        }
    }
}
