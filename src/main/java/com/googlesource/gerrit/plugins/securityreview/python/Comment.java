package com.googlesource.gerrit.plugins.securityreview.python;

/** A {@code #} comment: its 1-based line and its text, starting with {@code #}. */
public record Comment(int line, String text) {}
