from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation


class RecommendationInline(admin.TabularInline):
    model = ReportRecommendation
    extra = 0


class ContactOfficerInline(admin.TabularInline):
    model = ContactOfficer
    extra = 0
    autocomplete_fields = ["person"]


class AppendixInline(admin.TabularInline):
    model = Appendix
    extra = 0


@admin.register(Report)
class ReportAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "meeting__committee__council"
    list_display = ["title", "meeting", "part", "report_of"]
    list_filter = ["part", "meeting__committee"]
    search_fields = ["title", "summary", "body", "report_of"]
    autocomplete_fields = ["meeting", "agenda_item", "cabinet_member", "source_document"]
    filter_horizontal = ["exempt_paragraphs"]
    inlines = [RecommendationInline, ContactOfficerInline, AppendixInline]


@admin.register(ReportRecommendation)
class ReportRecommendationAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "report__meeting__committee__council"
    list_display = ["__str__", "report"]
    search_fields = ["text"]


@admin.register(ContactOfficer)
class ContactOfficerAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "report__meeting__committee__council"
    list_display = ["name", "job_title", "report"]
    search_fields = ["name", "email"]


@admin.register(Appendix)
class AppendixAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "report__meeting__committee__council"
    list_display = ["title", "report", "part"]
    search_fields = ["title"]
