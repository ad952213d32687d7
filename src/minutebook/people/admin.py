from django.contrib import admin

from minutebook.councils.admin_scope import CouncilScoped
from minutebook.people.models import NameVariant, Person


class NameVariantInline(admin.TabularInline):
    model = NameVariant
    extra = 0
    fields = ["text", "key"]
    readonly_fields = ["key"]


@admin.register(Person)
class PersonAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "council"
    shared_when_null = True
    list_display = ["name", "kind", "job_title", "party", "council"]
    list_filter = ["kind", "council", "party"]
    search_fields = ["name", "name_variants__text", "job_title", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    inlines = [NameVariantInline]


@admin.register(NameVariant)
class NameVariantAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "person__council"
    shared_when_null = True
    list_display = ["text", "person", "key"]
    search_fields = ["text", "person__name"]
    autocomplete_fields = ["person"]
