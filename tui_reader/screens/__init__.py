"""Provides the newsreader screens. Each takes the AppState in its constructor, reads it, and
learns of changes from the App's messages (messages.StateChanged); it asks the App for other
screens and for workers with request messages (OpenEvent, SearchWanted...). No screen imports
the app module.

To add a screen: a module here with a Screen subclass taking ``state``; its keys as a list in
keymap.py (BINDINGS = that list; add it to dialogs/help.py's sections); its layout in app.tcss;
and a way in: an App action on a global key, or a request message the App handles.
"""
