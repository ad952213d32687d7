"""The ``minutebook`` console script.

``parse`` runs the pure parser without touching a database. Every other subcommand sets up
Django (development settings unless DJANGO_SETTINGS_MODULE says otherwise) and hands over to
a management command, so ``minutebook import`` and ``manage.py import_documents`` are one code path.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _parse(args: argparse.Namespace) -> int:
    from minutebook.parsing import DocumentError, parse_path, to_json

    try:
        doc = parse_path(args.file)
    except DocumentError as exc:
        print(f"minutebook parse: {args.file}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"minutebook parse: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    json.dump(to_json(doc), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


def _django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings.development")
    import django
    from django.conf import settings
    from django.core.management import execute_from_command_line

    django.setup()
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    try:
        execute_from_command_line(["minutebook", *argv])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _migrate() -> int:
    return _django(["migrate", "--no-input", "--verbosity", "0"])


def _migrated(argv: list[str]) -> int:
    """Bring the database up to date, then run the management command ``argv``."""
    return _migrate() or _django(argv)


def _serve(args: argparse.Namespace) -> int:
    if status := _migrate():
        return status
    print(f"Minutebook is at http://{args.host}:{args.port}/  (admin: /admin/, Ctrl-C stops it)")
    return _django(["runserver", f"{args.host}:{args.port}", "--noreload"])


def _demo(args: argparse.Namespace) -> int:
    extra = ["--seed", str(args.seed), "--years", str(args.years), "--scale", str(args.scale)]
    if args.today:
        extra += ["--today", args.today]
    if args.reset:
        extra.append("--reset")
    return _migrated(["load_demo", *extra])


def _import(args: argparse.Namespace) -> int:
    extra = [*args.paths]
    if args.council:
        extra += ["--council", args.council]
    return _migrated(["import_documents", *extra])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutebook", description="Committee meetings, minutes and decisions for UK councils."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="print the contract JSON for one document (no database)")
    p.add_argument("file", help="an agenda pack or minutes: .pdf, .txt or .md")
    p.set_defaults(func=_parse)

    p = sub.add_parser("import", help="parse documents and load them into the database")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)"
    )
    p.add_argument("--council", help="the council the documents belong to")
    p.set_defaults(func=_import)

    p = sub.add_parser("serve", help="migrate the database and serve the site")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p.set_defaults(func=_serve)

    p = sub.add_parser("demo", help="fill the database with a synthetic demo council")
    p.add_argument("--seed", type=int, default=2019, help="same seed, same council")
    p.add_argument("--years", type=int, default=3, help="municipal years of meetings")
    p.add_argument(
        "--scale", type=float, default=1.0, help="more committees and meetings (benchmarks)"
    )
    p.add_argument("--today", help="the date the demo treats as today (YYYY-MM-DD); default: today")
    p.add_argument("--reset", action="store_true", help="delete the existing demo council first")
    p.set_defaults(func=_demo)

    p = sub.add_parser("manage", help="run any Django management command", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=lambda a: _django(a.rest))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
