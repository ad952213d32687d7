from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    ExemptionParagraph,
    Meeting,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fk_name = "meeting"
    extra = 0
    fields = [
        "order",
        "number",
        "parent",
        "title",
        "standard",
        "part",
        "start_page",
        "end_page",
        "report_of",
    ]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "substitute_for"]
    fields = ["person", "status", "is_chair", "role", "substitute_for", "order"]


class DeclarationInline(admin.TabularInline):
    model = Declaration
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "committee__council"
    list_display = ["committee", "date", "start_time", "status", "venue"]
    list_filter = ["status", "committee__council", "committee", "municipal_year"]
    search_fields = ["committee__name", "venue"]
    date_hierarchy = "date"
    autocomplete_fields = ["committee", "chair"]
    inlines = [AgendaItemInline, AttendanceInline, DeclarationInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "meeting__committee__council"
    list_display = ["__str__", "meeting", "part", "start_page", "end_page"]
    list_filter = ["part", "standard", "meeting__committee"]
    search_fields = ["title", "report_of"]
    autocomplete_fields = ["meeting", "parent", "presenter", "minutes_of"]
    filter_horizontal = ["exempt_paragraphs"]


@admin.register(Attendance)
class AttendanceAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "meeting__committee__council"
    list_display = ["person", "meeting", "status", "is_chair", "role"]
    list_filter = ["status", "meeting__committee"]
    search_fields = ["person__name"]
    autocomplete_fields = ["meeting", "person", "substitute_for"]


@admin.register(Declaration)
class DeclarationAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "meeting__committee__council"
    list_display = ["person", "meeting", "agenda_item", "nature"]
    list_filter = ["nature"]
    search_fields = ["person__name", "description"]
    autocomplete_fields = ["meeting", "person", "agenda_item"]


@admin.register(ExemptionParagraph)
class ExemptionParagraphAdmin(admin.ModelAdmin):
    list_display = ["number", "description"]
