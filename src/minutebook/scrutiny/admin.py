from django.contrib import admin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)


class WorkProgrammeItemInline(admin.TabularInline):
    model = WorkProgrammeItem
    extra = 0
    fields = ["order", "date_text", "planned_date", "topic", "method", "status"]
    show_change_link = True


class WorkProgrammeLeadInline(admin.TabularInline):
    model = WorkProgrammeLead
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(WorkProgramme)
class WorkProgrammeAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "committee__council"
    list_display = ["__str__", "committee", "municipal_year"]
    list_filter = ["committee", "municipal_year"]
    search_fields = ["title", "committee__name"]
    inlines = [WorkProgrammeItemInline]


@admin.register(WorkProgrammeItem)
class WorkProgrammeItemAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "programme__committee__council"
    list_display = ["topic", "programme", "date_text", "method", "status"]
    list_filter = ["method", "status", "programme__committee"]
    search_fields = ["topic", "background", "outcome"]
    autocomplete_fields = ["planned_meeting", "agenda_item"]
    inlines = [WorkProgrammeLeadInline]


class ExecutiveResponseInline(admin.StackedInline):
    model = ExecutiveResponse
    extra = 0
    autocomplete_fields = ["responder"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "committee__council"
    list_display = ["__str__", "committee", "made_on", "addressed_to", "response_due"]
    list_filter = ["committee", "response__decision"]
    search_fields = ["text"]
    autocomplete_fields = ["minute_item", "report", "addressed_to"]
    inlines = [ExecutiveResponseInline, ProgressUpdateInline]


@admin.register(WorkProgrammeLead)
class WorkProgrammeLeadAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "item__programme__committee__council"
    list_display = ["person", "role", "item"]


@admin.register(ExecutiveResponse)
class ExecutiveResponseAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "recommendation__committee__council"
    list_display = ["recommendation", "decision", "responded_on"]
    list_filter = ["decision"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "recommendation__committee__council"
    list_display = ["recommendation", "reported_on", "complete"]
