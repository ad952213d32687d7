"""Where uploaded papers live: outside MEDIA_ROOT, never served by URL.

Reports, appendices and packs can be exempt (Part Two), so their files are read only by
minutebook.documents.views, which asks minutebook.access who may see each one.
"""

from django.core.files.storage import Storage, storages


def private_storage() -> Storage:
    return storages["private"]
