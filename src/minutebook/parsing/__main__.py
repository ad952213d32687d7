"""``python -m minutebook.parsing FILE``: the parser alone, without Django or the CLI."""

import json
import sys

from minutebook.parsing import DocumentError, parse_path, to_json


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m minutebook.parsing FILE", file=sys.stderr)
        return 2
    try:
        doc = parse_path(args[0])
    except DocumentError as exc:
        print(f"{args[0]}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(to_json(doc), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
