"""Provides the compare screen's parts: the model of a comparison (model.py), navigation between
passages (navigation.py), the row of panes (pane_row.py), the detail panel that explains the
current passage (detail_panel.py) and conflict dismissal (dismissal.py).

Import each from its module: the events list needs only the model, at the first paint.
"""
