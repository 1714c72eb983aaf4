package org.facsflow.apps.live;

/** No window can be opened: Java runs headless, no display is set, or the display cannot be reached. */
public final class DisplayUnavailableException extends Exception {
    public DisplayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
