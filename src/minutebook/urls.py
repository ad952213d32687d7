from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from minutebook.api.routes import api

admin.site.site_header = "Minutebook administration"
admin.site.site_title = "Minutebook"
admin.site.index_title = "Committees, meetings and minutes"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("manage/", include("minutebook.meetings.urls")),
    path("papers/", include("minutebook.publishing.urls")),
    path("api/", api.urls),
    path("feeds/", include("minutebook.feeds.urls")),
    path("search/", include("minutebook.search.urls")),
    path("files/", include("minutebook.documents.urls")),
    path("scrutiny/", include("minutebook.scrutiny.urls")),
    path("", include("minutebook.portal.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
