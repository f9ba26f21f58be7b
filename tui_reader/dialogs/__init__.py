"""Provides the modal dialogs: one ModalScreen[T] per module, its typed result via dismiss().

A dialog takes what it shows in its constructor and knows nothing of the app's state; the caller
pushes it with a callback: ``app.push_screen(NoteDialog(text), on_result)``. Import each from its
module (``from tui_reader.dialogs.note import NoteDialog``): the export dialog loads the export
code, which the first paint does not need.
"""
