"""Response shapes for the OpenAPI document. Objects allow extra keys: OCD and Popolo are open."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    # Plain pydantic, not ninja.Schema: ninja's Schema keeps only declared fields, and OCD
    # and Popolo objects carry many optional ones.
    model_config = ConfigDict(extra="allow")


class Organization(Open):
    id: str
    name: str
    classification: str
    parent_id: str | None = None


class Person(Open):
    id: str
    name: str
    sort_name: str


class Membership(Open):
    id: str
    person_id: str
    person_name: str
    organization_id: str
    role: str
    label: str


class Event(Open):
    id: str
    name: str
    classification: str
    start_date: str
    status: str
    agenda: list[dict[str, Any]]


class Resolution(Schema):
    id: int
    text: str
    label: str
    minute_number: str
    minute_title: str
    event_id: str
    committee: str
    date: str


def page_of(item_schema: type[BaseModel]) -> type[Schema]:
    """A paginated list of ``item_schema``, named for the OpenAPI document."""
    return type(
        f"{item_schema.__name__}Page",
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "page_size": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item_schema],
            }
        },
    )
