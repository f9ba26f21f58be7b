"""Provides the newsreader screens (imported lazily by the App)."""
