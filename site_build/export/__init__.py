"""Exports of a track for other systems: a SCORM 1.2 package an LMS imports (``scorm``)."""
