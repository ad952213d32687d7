from django.contrib import admin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.documents.models import PublishedDocument, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "meetings__committee__council"
    scope_distinct = True
    list_display = ["original_name", "kind", "imported_at", "size"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
    readonly_fields = ["sha256", "imported_at", "size", "parsed", "warnings"]
    filter_horizontal = ["meetings"]


@admin.register(PublishedDocument)
class PublishedDocumentAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "meeting__committee__council"
    list_display = ["meeting", "kind", "audience", "version", "page_count", "published_at"]
    list_filter = ["kind", "audience"]
    search_fields = ["meeting__committee__name"]
    readonly_fields = ["sha256", "published_at"]
