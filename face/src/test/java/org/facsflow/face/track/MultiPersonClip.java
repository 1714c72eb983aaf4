package org.facsflow.face.track;

import org.facsflow.face.BundledFfmpeg;
import org.facsflow.face.TestAssets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A 640 x 480 clip of four people, composed at test time from training clips in {@code shared/training/clips} with
 * the bundled ffmpeg: a 2 x 2 grid of 320 x 240 cells, each person's clip looped, and stretches where a cell is black
 * (the person turned away or left) before the same person comes back. Nothing is kept: it is written to a temporary
 * folder. Which person is where is known, so tracked ids can be scored: {@link IdScore}.
 *
 * @param people  four training clip ids, cell by cell: top left, top right, bottom left, bottom right
 * @param away    per cell, the stretches [from, to) in seconds where it is black
 */
record MultiPersonClip(List<String> people, List<List<double[]>> away, double seconds, double frameRate) {
    static final int WIDTH = 640, HEIGHT = 480;

    /** Writes the clip as MPEG-4 at high quality into {@code file}. */
    Path compose(Path file) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        for (String person : people) {
            args.addAll(List.of("-stream_loop", "-1", "-i",
                    TestAssets.shared("training/clips/" + person + ".mp4").toString()));
        }
        StringBuilder graph = new StringBuilder();
        for (int cell = 0; cell < 4; cell++) {
            graph.append(String.format(Locale.ROOT, "[%d:v]fps=%s,scale=%d:%d:force_original_aspect_ratio=decrease,"
                    + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2,setsar=1", cell, frameRate, WIDTH / 2, HEIGHT / 2, WIDTH / 2, HEIGHT / 2));
            for (double[] stretch : away.get(cell))
                graph.append(String.format(Locale.ROOT, ",drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='between(t,%s,%s)'",
                        stretch[0], stretch[1] - 1e-3));
            graph.append("[c").append(cell).append("];");
        }
        graph.append("[c0][c1][c2][c3]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0[v]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-t", String.valueOf(seconds),
                "-c:v", "mpeg4", "-q:v", "2", file.toString()));
        BundledFfmpeg.run(args.toArray(String[]::new));
        return file;
    }

    /** The cell (0-3) a point of the picture lies in. */
    static int cell(float x, float y) {
        return (x < WIDTH / 2f ? 0 : 1) + (y < HEIGHT / 2f ? 0 : 2);
    }

    /**
     * How tracked ids match the people: each found face belongs to the person of the cell its box centre is in.
     * An id switch is a frame where a person's id differs from the id they had when last found (MOT's IDSW);
     * fragmentation is how many ids a person got; a merge is an id given to two people.
     */
    static final class IdScore {
        private final Map<Integer, Integer> lastId = new HashMap<>();
        private final Map<Integer, Set<Integer>> idsOfPerson = new HashMap<>();
        private final Map<Integer, Set<Integer>> peopleOfId = new HashMap<>();
        int switches, found;

        void add(List<TrackedFace> faces) {
            for (TrackedFace face : faces) {
                if (!face.success()) continue;
                found++;
                int person = cell(face.face().box().centerX(), face.face().box().centerY());
                Integer before = lastId.put(person, face.faceId());
                if (before != null && before != face.faceId()) switches++;
                idsOfPerson.computeIfAbsent(person, p -> new HashSet<>()).add(face.faceId());
                peopleOfId.computeIfAbsent(face.faceId(), i -> new HashSet<>()).add(person);
            }
        }

        int ids() {
            return peopleOfId.size();
        }

        int merges() {
            return (int) peopleOfId.values().stream().filter(p -> p.size() > 1).count();
        }

        int people() {
            return idsOfPerson.size();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ids for %d people, %d id switches, %d merged ids, %d faces found; ids by "
                    + "person %s", ids(), people(), switches, merges(), found, idsOfPerson);
        }
    }
}
