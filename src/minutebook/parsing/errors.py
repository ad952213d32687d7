"""The one error a caller of the parser needs to handle."""


class DocumentError(Exception):
    """The file cannot be read as a document: empty, binary, encrypted, no text layer...

    The message names the problem in words a clerk understands; callers add the file name.
    """
