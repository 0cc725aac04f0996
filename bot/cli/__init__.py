"""The terminal: the ``pressbot`` command (``main``), its subcommands (``commands``), the chat loop
(``chat``) and rich rendering (``render``). Exports ``main``."""

from bot.cli.main import main

__all__ = ["main"]
