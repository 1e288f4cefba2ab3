"""Published stage: the analyst-facing tables and how they are written."""
