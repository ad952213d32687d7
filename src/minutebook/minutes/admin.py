from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.minutes.models import MinuteItem, Minutes, Resolution


class MinuteItemInline(admin.TabularInline):
    model = MinuteItem
    extra = 0
    fields = ["order", "number_label", "title", "part"]
    show_change_link = True


class ResolutionInline(admin.TabularInline):
    model = Resolution
    extra = 0


@admin.register(Minutes)
class MinutesAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "meeting__committee__council"
    list_display = ["meeting", "status", "confirmed_at"]
    list_filter = ["status", "meeting__committee"]
    search_fields = ["meeting__committee__name"]
    autocomplete_fields = ["meeting", "confirmed_at", "signed_by"]
    inlines = [MinuteItemInline]


@admin.register(MinuteItem)
class MinuteItemAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "committee__council"
    list_display = ["__str__", "minutes", "part", "municipal_year"]
    list_filter = ["part", "committee", "municipal_year"]
    search_fields = ["title", "narrative", "resolutions__text"]
    autocomplete_fields = ["minutes", "agenda_item"]
    filter_horizontal = ["exempt_paragraphs"]
    inlines = [ResolutionInline]


@admin.register(Resolution)
class ResolutionAdmin(CouncilScoped, SimpleHistoryAdmin):
    council_path = "minute_item__committee__council"
    list_display = ["__str__", "minute_item", "label"]
    search_fields = ["text"]
    autocomplete_fields = ["minute_item"]
