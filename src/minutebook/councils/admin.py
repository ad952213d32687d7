from django.contrib import admin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.councils.models import Council, MunicipalYear


class MunicipalYearInline(admin.TabularInline):
    model = MunicipalYear
    extra = 0


@admin.register(Council)
class CouncilAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "pk"
    list_display = ["name", "kind", "website"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MunicipalYearInline]


@admin.register(MunicipalYear)
class MunicipalYearAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "council"
    list_display = ["council", "start_year", "starts_on", "ends_on"]
    list_filter = ["council"]
