"""The search page and the topic timeline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .forms import SearchForm, TimelineForm
from .query import search, timeline


def _without_page(params: QueryDict) -> str:
    """The query string of this search, less the page number, for pagination links."""
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"] or form.has_filters():
            results = search(
                data["q"],
                user=request.user,
                committee=data["committee"],
                date_from=data["from"],
                date_to=data["to"],
                person=data["person"],
                kinds=data["kind"] or None,
                page=request.GET.get("page", 1),
            )
    return render(
        request,
        "search/search.html",
        {"form": form, "results": results, "query_string": _without_page(request.GET)},
    )


@require_safe
def timeline_page(request: HttpRequest) -> HttpResponse:
    form = TimelineForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        result = timeline(
            form.cleaned_data["q"], user=request.user, committee=form.cleaned_data["committee"]
        )
    return render(request, "search/timeline.html", {"form": form, "timeline": result})
