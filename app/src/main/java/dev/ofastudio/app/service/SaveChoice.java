package dev.ofastudio.app.service;

/** The answer to "save changes before …?": save first, go on without saving, or stay. */
public enum SaveChoice {
    SAVE, DONT_SAVE, CANCEL
}
