from django.contrib import admin

from minutebook.documents.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "imported_at", "size"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
    readonly_fields = ["sha256", "imported_at", "size", "parsed", "warnings"]
    filter_horizontal = ["meetings"]
