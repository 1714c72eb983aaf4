package org.facsflow.interop;

/**
 * One face in one frame of an {@link AuTable}.
 *
 * @param frame     1-based frame number (readers of 0-based tools add 1)
 * @param face      the tool's face id (0 for tools with one face)
 * @param time      seconds from the start of the video; NaN where the tool gives no time
 * @param success   whether the tool found (and measured) the face in this frame
 * @param intensity per column of the table, 0-5; NaN where not measured or the column has no intensity
 * @param presence  per column, 0-1; NaN where not measured or the column has no presence
 */
public record AuRow(int frame, int face, double time, boolean success, float[] intensity, float[] presence) {
}
