"""The Textual-free core of newsreader: loading, indexing, search, events, comparison, export."""
