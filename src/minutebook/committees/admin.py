from django.contrib import admin

from minutebook.committees.models import Committee, Membership
from minutebook.councils.admin_scope import CouncilScoped


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["municipal_year", "person", "role", "role_title", "starts_on", "ends_on", "order"]


@admin.register(Committee)
class CommitteeAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "council"
    list_display = ["name", "kind", "council", "predecessor", "dissolved_on"]
    list_filter = ["kind", "council"]
    search_fields = ["name", "remit"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["predecessor", "contact_officer"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(CouncilScoped, admin.ModelAdmin):
    council_path = "committee__council"
    list_display = ["person", "committee", "municipal_year", "role", "role_title"]
    list_filter = ["committee", "municipal_year", "role"]
    search_fields = ["person__name", "committee__name"]
    autocomplete_fields = ["person", "committee"]
