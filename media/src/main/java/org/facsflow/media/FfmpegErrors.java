package org.facsflow.media;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/** Turns JavaCV's FFmpeg exceptions into the short reason a user can read. */
public final class FfmpegErrors {
    // JavaCV puts the FFmpeg return code in the message: "avformat_open_input() error -1094995529: Could not ..."
    private static final Pattern CODE = Pattern.compile("\\) error (-\\d+)");

    private FfmpegErrors() {
    }

    /** FFmpeg's own text for the error code (e.g. "Invalid data found when processing input"), else the message. */
    public static String describe(Exception e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = CODE.matcher(message);
        if (m.find()) return strerror(Integer.parseInt(m.group(1)));
        int hint = message.indexOf(" ("); // JavaCV appends debugging hints in parentheses
        return hint > 0 ? message.substring(0, hint) : message;
    }

    private static String strerror(int code) {
        byte[] text = new byte[256];
        avutil.av_strerror(code, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
