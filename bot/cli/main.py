"""The ``pressbot`` command line: audit, and (lazily imported) index, ask, chat and eval."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from index.errors import PressbotError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="pressbot",
        description="Answers questions about earnings press releases, and proves its numbers.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("audit", help="check a release's arithmetic and narrative figures")
    p.add_argument("file", help="a release as .txt, .md, .html or .pdf")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    try:
        from bot.cli.commands import add_commands
    except ImportError:  # pragma: no cover - the answering commands are optional
        pass
    else:
        add_commands(sub)
    return parser


def run_audit(args: argparse.Namespace) -> int:
    """``pressbot audit FILE [--json]``."""
    from bot.checks.audit import audit
    from index.reader import read_release

    result = audit(read_release(args.file))
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        from rich.console import Console

        from bot.cli.render import render_audit

        render_audit(result, Console())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; errors print one line and exit non-zero."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "audit":
            return run_audit(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.error(f"unknown command {args.command}")
        return int(handler(args))
    except PressbotError as exc:
        print(f"pressbot: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pressbot: interrupted; a release being indexed was not kept, the index is as before it",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
