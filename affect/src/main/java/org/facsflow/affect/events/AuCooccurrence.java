package org.facsflow.affect.events;

import org.facsflow.affect.AuIntensities;
import org.facsflow.facs.ActionUnit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * How often AUs occur together in a video: for AUs i != j, the number of pairs of an i event and a j event of the
 * same face that overlap in time; on the diagonal, the number of events of the AU. Indexed like
 * {@link ActionUnit#CODED}.
 */
public record AuCooccurrence(int[][] counts) {
    public static AuCooccurrence of(List<AuEvent> events) {
        int n = ActionUnit.CODED.size();
        int[][] counts = new int[n][n];
        for (int a = 0; a < events.size(); a++) {
            AuEvent x = events.get(a);
            int i = AuIntensities.indexOf(x.au());
            counts[i][i]++;
            for (int b = a + 1; b < events.size(); b++) {
                AuEvent y = events.get(b);
                if (x.faceId() != y.faceId() || x.au().equals(y.au()) || !x.episode().overlaps(y.episode())) continue;
                int j = AuIntensities.indexOf(y.au());
                counts[i][j]++;
                counts[j][i]++;
            }
        }
        return new AuCooccurrence(counts);
    }

    public int count(ActionUnit a, ActionUnit b) {
        return counts[AuIntensities.indexOf(a)][AuIntensities.indexOf(b)];
    }

    /** The matrix of {@code aus} (those the results report) as CSV: a header row of AU codes, then one row per AU. */
    public void writeCsv(Writer out, List<ActionUnit> aus) throws IOException {
        out.write("au");
        for (ActionUnit au : aus) out.write("," + au.code());
        out.write('\n');
        for (ActionUnit row : aus) {
            out.write(row.code());
            for (ActionUnit column : aus) out.write("," + count(row, column));
            out.write('\n');
        }
    }
}
