"""The answering subcommands: index add/list/remove, ask, chat, eval."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from index.errors import InputError, NotAReleaseError
from index.reader.load import SUFFIXES as LOAD_SUFFIXES


def add_commands(sub: Any) -> None:
    """Register the subcommands on the CLI's parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", metavar="DIR", help="index folder (default: $PRESSBOT_INDEX or the "
                        "user data folder); PRESSBOT_CHROMA_URL selects a Chroma server instead")

    p = sub.add_parser("index", help="add, list or remove indexed releases")
    isub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = isub.add_parser("add", parents=[common], help="index release files or folders")
    a.add_argument("paths", nargs="*", help=".txt, .md, .html or .pdf files, or folders of them")
    a.add_argument("--sample", action="store_true", help="add the bundled sample release")
    a.add_argument("--quiet", action="store_true", help="print nothing when all goes well")
    a.add_argument("--if-empty", action="store_true", help="only when the index holds no release yet")
    a.set_defaults(handler=cmd_index_add)
    ls = isub.add_parser("list", parents=[common], help="list indexed releases")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_index_list)
    rm = isub.add_parser("remove", parents=[common], help="take a release out of the index")
    rm.add_argument("doc", help="the release's name as 'index list' shows it")
    rm.set_defaults(handler=cmd_index_remove)

    q = sub.add_parser("ask", parents=[common], help="answer one question")
    q.add_argument("question", nargs="+")
    q.add_argument("--doc", help="the release to ask about")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.set_defaults(handler=cmd_ask)

    c = sub.add_parser("chat", parents=[common], help="a conversation in the terminal")
    c.add_argument("--doc", help="the release to ask about")
    c.add_argument("--json", action="store_true", help="one JSON object per answer")
    c.set_defaults(handler=cmd_chat)

    s = sub.add_parser("slack", parents=[common], help="answer in Slack (Socket Mode, or --http)")
    s.add_argument("--http", action="store_true", help="serve the Events API over HTTP instead")
    s.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    s.add_argument("--host", default="127.0.0.1", help="HTTP address to listen on (default 127.0.0.1)")
    s.set_defaults(handler=cmd_slack)

    sh = sub.add_parser("show", parents=[common], help="print an indexed release around a cited line")
    sh.add_argument("doc", help="the release's name as 'index list' shows it")
    sh.add_argument("--line", type=int, default=None, help="the cited line (default: the top)")
    sh.add_argument("--context", type=int, default=6, help="lines before and after (default 6)")
    sh.set_defaults(handler=cmd_show)

    e = sub.add_parser("eval", parents=[common], help="run a gold question set")
    e.add_argument("gold", help="a .jsonl gold set (format: tests/data/eval/README.md)")
    e.add_argument("--doc", help="the release the set is asked against")
    e.add_argument("--fail-under", type=float, default=0.0, metavar="PCT",
                   help="exit 1 when accuracy is below PCT percent")
    e.set_defaults(handler=cmd_eval)


def _settings(args: argparse.Namespace) -> Any:
    from bot.settings import Settings

    return Settings.load(index=getattr(args, "index", None))


# a folder's own notes, not releases: read only when named on their own
FOLDER_NOTES = re.compile(r"(?i)^(readme|sources|license|licence|changelog|notes|contributing)$")


def release_files(paths: list[str]) -> list[tuple[Path, bool]]:
    """Files named (explicit), and release files found inside folders named (sorted); a bad path is an
    error."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in LOAD_SUFFIXES
                           and not f.name.startswith(".") and not FOLDER_NOTES.match(f.stem))
            if not found:
                raise InputError(f"{p}: no .txt, .md, .html or .pdf release files in this folder")
            out.extend((f, False) for f in found)
        elif p.exists():
            out.append((p, True))
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def cmd_index_add(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from bot.build import SAMPLE, build_store
    from index.reader import read_release

    paths = list(args.paths)
    if args.sample:
        paths.append(str(SAMPLE))
    if not paths:
        raise InputError("give release files or folders to add (or --sample for the bundled sample)")
    files = release_files(paths)
    show = not args.quiet and sys.stderr.isatty()
    with _progress() if show else nullcontext() as bar:
        docs = []
        reading = bar.add_task("reading", total=len(files), unit="files") if bar else None
        for f, explicit in files:  # read everything first: bad input adds nothing
            if bar:
                bar.update(reading, description=f"reading {f.name}")
            try:
                docs.append(read_release(f.resolve()))
            except NotAReleaseError as exc:
                if explicit:
                    raise
                print(f"pressbot: skipped {f}: {str(exc).split(' does not', 1)[-1].strip()}", file=sys.stderr)
            if bar:
                bar.advance(reading)
        if not docs:
            raise InputError("no release to add in " + ", ".join(paths))
        store = build_store(_settings(args))
        if args.if_empty and store.catalog():
            return 0
        report = None
        if bar:
            bar.remove_task(reading)
            what = f"{len(docs)} releases" if len(docs) > 1 else docs[0].name
            task = bar.add_task(f"indexing {what}", total=None, unit="chunks")

            def report(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

        statuses = store.add_many(docs, report)
    if not args.quiet:
        for doc, status in zip(docs, statuses, strict=True):
            print(f"{status:9} {doc.name}")
    return 0


def _progress() -> Any:
    """A progress bar on stderr (gone when done): files read, then chunks embedded across all the files,
    with the time spent and the time left."""
    from rich import progress as rp
    from rich.console import Console

    return rp.Progress(rp.TextColumn("{task.description}"), rp.BarColumn(), rp.MofNCompleteColumn(),
                       rp.TextColumn("{task.fields[unit]}"), rp.TimeElapsedColumn(), rp.TextColumn("·"),
                       rp.TimeRemainingColumn(), rp.TextColumn("left"), console=Console(stderr=True),
                       transient=True)


def cmd_index_list(args: argparse.Namespace) -> int:
    from bot.build import build_store

    store = build_store(_settings(args))
    rows = store.catalog()
    if args.json:
        print(json.dumps([r.__dict__ for r in rows]))
        return 0
    if not rows:
        print("the index is empty; add a release with 'pressbot index add FILE' (or --sample)")
        return 0
    from rich.console import Console
    from rich.table import Table

    from bot.answer.scope import company_of

    table = Table("company", "release", "period", "facts", "chunks")
    by_company: dict[str, list[Any]] = {}
    for r in rows:
        by_company.setdefault(company_of(r), []).append(r)
    for company, releases in sorted(by_company.items()):
        # each company once, then its releases
        for n, r in enumerate(sorted(releases, key=lambda x: x.name)):
            table.add_row(company if n == 0 else "", r.name, r.period, str(r.facts), str(r.chunks))
    Console().print(table)
    return 0


def cmd_index_remove(args: argparse.Namespace) -> int:
    from bot.build import build_store

    build_store(_settings(args)).remove(args.doc)
    print(f"removed   {args.doc}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.build import build_engine
    from bot.cli.render import print_answer

    question = " ".join(args.question)
    engine = build_engine(_settings(args))
    answer = engine.ask(question, doc=args.doc)
    if args.json:
        print(json.dumps(answer.as_json(), ensure_ascii=False))
    else:
        print_answer(answer)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.build import build_engine
    from bot.cli.chat import run_chat

    engine = build_engine(_settings(args))
    return run_chat(engine, doc=args.doc, as_json=args.json)


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.build import build_engine
    from bot.evaluate import load_gold, run_gold

    items = load_gold(args.gold)
    engine = build_engine(_settings(args))
    report = run_gold(lambda question: engine.ask(question, doc=args.doc), items)
    for o in report.outcomes:
        if not o.ok:
            said = f"\n     answer: {o.answer.shown}" if o.answer else ""
            print(f"MISS {o.id} ({o.verdict.value}): {o.question}\n     {o.why}{said}")
    print(report.summary())
    return 1 if report.accuracy < args.fail_under else 0


def cmd_show(args: argparse.Namespace) -> int:
    """``pressbot show DOC [--line N]``: the release's text (a PDF's or an HTML page's text rendering)
    around a cited line, each line with its number (and page, for a PDF)."""
    from bot.build import build_store
    from index.reader.load import load_source
    from index.reader.release import rendered_lines

    doc = build_store(_settings(args)).document(args.doc)
    if not Path(doc.path).is_file():
        raise InputError(f"{doc.path}: the release file is no longer there; 'show' reads it again "
                         "(index it from its new place)")
    source = load_source(doc.path, doc.name)
    lines = rendered_lines(source)
    if args.line is not None and not 1 <= args.line <= len(lines):
        raise InputError(f"{doc.name} has {len(lines):,} lines; give --line between 1 and {len(lines):,}")
    centre = args.line or 1
    first, last = max(1, centre - args.context), min(len(lines), centre + args.context if args.line else 40)
    for n in range(first, last + 1):
        text = lines[n - 1]
        page = ""
        if source.pages and source.pages[n - 1]:
            page = f"p{source.pages[n - 1][0]}:{source.pages[n - 1][1]:<3} "  # type: ignore[index]
        mark = ">" if n == args.line else " "
        print(f"{mark}{n:>6} {page}{text}")
    return 0


def cmd_slack(args: argparse.Namespace) -> int:
    import logging
    import os

    from bot.build import build_engine
    from bot.slack.app import build_app
    from bot.slack.server import serve_http, serve_socket_mode

    settings = _settings(args)
    logging.basicConfig(level=settings.slack.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("slack_bolt", "slack_sdk", "urllib3", "httpx", "chromadb"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    app_token = "" if args.http else os.environ.get("SLACK_APP_TOKEN", "").strip()
    if not args.http and not app_token:
        raise InputError("set SLACK_APP_TOKEN for Socket Mode, or pass --http with SLACK_SIGNING_SECRET")
    engine = build_engine(settings)
    app = build_app(engine, http=args.http, settings=settings.slack)
    if args.http:
        serve_http(app, args.port, args.host)
    else:
        serve_socket_mode(app, app_token)
    return 0
