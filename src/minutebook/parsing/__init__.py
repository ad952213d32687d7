"""Pure document parser: an agenda pack or minutes in, contract dataclasses out.

Nothing here imports Django, so the parser is fast, fuzzable and usable on its own::

    from minutebook.parsing import parse_path, to_json
    doc = parse_path("pack.pdf")
    print(to_json(doc))
"""

from minutebook.parsing.contract import ParsedDocument, to_json
from minutebook.parsing.document import parse_lines, parse_path
from minutebook.parsing.errors import DocumentError

__all__ = ["DocumentError", "ParsedDocument", "parse_lines", "parse_path", "to_json"]
