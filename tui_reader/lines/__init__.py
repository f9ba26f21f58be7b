"""Provides the pieces of the line-API article pane: wrapping, layout and painting of lines."""
