package org.facsflow.apps.output;

import org.bytedeco.ffmpeg.global.avutil;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The MP4 writer behind overlays and live recordings, read back with the media stage's decoder. */
class Mp4WriterTest {

    @Test
    void framesLandAtTheirTimestampsAndTheFileAppearsOnlyOnCommit(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.mp4");
        byte[] grey = new byte[64 * 48 * 3];
        Arrays.fill(grey, (byte) 128);
        try (Mp4Writer video = Mp4Writer.start(target, 64, 48, 10)) {
            // 0.0 .. 0.9 s, then a gap (dropped frames) to 2.0 .. 2.4 s, and a duplicate time that must be skipped.
            for (int i = 0; i < 10; i++) video.write(grey, avutil.AV_PIX_FMT_RGB24, 5 + i * 0.1);
            video.write(grey, avutil.AV_PIX_FMT_RGB24, 5 + 0.92);
            for (int i = 0; i < 5; i++) video.write(grey, avutil.AV_PIX_FMT_RGB24, 7 + i * 0.1);
            assertThat(target).doesNotExist();
            video.commit();
        }
        List<Double> times = new ArrayList<>();
        try (VideoSource source = VideoSources.open(target.toString())) {
            for (RgbImage frame; (frame = source.next()) != null; ) {
                times.add(frame.timestampSeconds());
                assertThat(frame.rgb()[0] & 0xff).isCloseTo(128, within(8));
            }
        }
        assertThat(times).hasSize(15);
        assertThat(times.get(10)).as("after the gap").isCloseTo(2.0, within(0.05));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
