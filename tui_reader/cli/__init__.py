"""The ``newsreader`` command line: ``newsreader [DIR]`` opens the app; the rest is headless.

Nothing here imports Textual: the app module is imported only when the app is launched.
To add a subcommand: its parser in parser.py (shared options in options.py; its name in
COMMANDS), its handler in handlers.py or a module of its own (like web.py) registered in
handlers.HANDLERS, using common.py (fail, ready_index...), its text output in output.py.
"""

from .parser import COMMANDS, app_parser, command_parser
from .run import main

__all__ = ["COMMANDS", "app_parser", "command_parser", "main"]
