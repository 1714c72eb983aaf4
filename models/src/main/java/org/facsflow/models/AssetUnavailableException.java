package org.facsflow.models;

/** A prepared model or medium is missing or does not match its recorded SHA-256. The message says what to run. */
public class AssetUnavailableException extends RuntimeException {
    public AssetUnavailableException(String message) {
        super(message);
    }
}
