package com.googlesource.gerrit.plugins.securityreview.python.semantic;

/** What a {@link KindFact} rests on, strongest first. */
public enum Evidence {
  /** Where the value came from: a known constructor, factory, or a same-file helper's return. */
  ORIGIN,
  /** A parameter's type annotation. */
  ANNOTATION,
  /** A {@code :type:} or {@code :param:} line of the function's docstring. */
  DOCSTRING,
  /** Only the name the value is held under: a last resort. */
  NAME,
  /** Nothing. */
  NONE
}
