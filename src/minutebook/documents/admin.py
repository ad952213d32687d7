from django.contrib import admin

from minutebook.documents.models import PublishedDocument, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "imported_at", "size"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
    readonly_fields = ["sha256", "imported_at", "size", "parsed", "warnings"]
    filter_horizontal = ["meetings"]


@admin.register(PublishedDocument)
class PublishedDocumentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "kind", "audience", "version", "page_count", "published_at"]
    list_filter = ["kind", "audience"]
    search_fields = ["meeting__committee__name"]
    readonly_fields = ["sha256", "published_at"]
