import datetime

import jsonschema
import pytest
from jsonschema import Draft3Validator, FormatChecker
from pupa.scrape.schemas.event import schema as event_schema
from pupa.scrape.schemas.membership import schema as membership_schema
from pupa.scrape.schemas.organization import schema as organization_schema
from pupa.scrape.schemas.person import schema as person_schema

from minutebook.api.identifiers import event_id

CANARY = "CONFIDENTIAL-CANARY-12A"


def validate(schema: dict, data: dict) -> None:
    """Validate as pupa does: JSON Schema draft 3 with its date and datetime types."""
    checker = Draft3Validator.TYPE_CHECKER.redefine_many(
        {
            "datetime": lambda c, d: isinstance(d, datetime.date | datetime.datetime),
            "date": lambda c, d: (
                isinstance(d, datetime.date) and not isinstance(d, datetime.datetime)
            ),
        }
    )
    validator = jsonschema.validators.extend(Draft3Validator, type_checker=checker)(
        schema, format_checker=FormatChecker()
    )
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


def test_event_is_a_valid_ocd_event_with_minutebook_extensions(client, meeting):
    data = client.get(f"/api/events/{meeting.pk}").json()
    validate(event_schema, data)
    assert data["id"] == event_id(meeting) and data["id"].startswith("ocd-event/")
    assert data["start_date"] == "2019-03-04T10:00:00+00:00"
    assert data["status"] == "passed"
    assert data["location"]["name"] == "Oak Room, County Buildings, Stafford"
    assert data["media"][0]["links"][0]["url"] == "https://webcast.example.gov.uk/4-march-2019"
    orders = [(a["order"], a["description"]) for a in data["agenda"]]
    assert orders == [
        ("1", "Apologies"),
        ("4", "Domestic Homicide Reviews"),
        ("4(a)", "Emerging Themes"),
        ("10", "Contract award"),
    ]
    assert data["agenda"][1]["notes"] == ["Report of the Cabinet Member for Communities"]
    assert data["agenda"][1]["extras"]["pages"] == [9, 22]
    assert data["agenda"][3]["classification"] == ["part-two", "exempt"]
    attendance = {(a["name"], a["status"], a["chair"]) for a in data["attendance"]}
    assert ("John Francis", "present", True) in attendance and (
        "Ann Beech",
        "apologies",
        False,
    ) in attendance
    assert data["declarations"][0]["item"] == "4"
    items = data["minutes"]["items"]
    assert items[0] == {
        "number": "53",
        "title": "Domestic Homicide Reviews",
        "part": 1,
        "exempt_paragraphs": [],
        "exempt": False,
        "resolutions": ["That the report be noted."],
    }
    assert (
        items[1]["exempt"] is True
        and items[1]["resolutions"] == []
        and items[1]["exempt_paragraphs"] == [3]
    )


def test_popolo_objects_validate_against_pupa_schemas(client, meeting):
    for org in client.get("/api/committees").json()["results"]:
        validate(organization_schema, org)
    council = client.get("/api/councils").json()["results"][0]
    validate(organization_schema, council)
    people = client.get("/api/people").json()["results"]
    for person in people:
        validate(person_schema, person)
    for membership in client.get("/api/memberships").json()["results"]:
        validate(membership_schema, membership)
    francis = next(p for p in people if p["name"] == "John Francis")
    assert francis["honorific_prefix"] == "Cllr"
    assert {"type": "email", "value": "john.francis@example.gov.uk", "note": "work"} in francis[
        "contact_details"
    ]


def test_renamed_committee_links_to_its_predecessor(client, meeting):
    results = client.get("/api/committees").json()["results"]
    new = next(c for c in results if c["name"].startswith("Safeguarding"))
    old = next(c for c in results if c["name"].startswith("Safe and Strong"))
    assert new["extras"]["predecessor_id"] == old["id"]
    assert old["extras"]["successor_ids"] == [new["id"]]
    assert new["other_names"][0]["name"] == old["name"]


def test_memberships_carry_printed_roles_and_year(client, meeting):
    results = client.get(f"/api/memberships?committee={meeting.committee_id}&year=2018").json()[
        "results"
    ]
    chair = next(m for m in results if m["person_name"] == "John Francis")
    assert (chair["role"], chair["label"], chair["extras"]["municipal_year"]) == (
        "Chair",
        "Chairman",
        "2018-19",
    )
    assert (
        client.get(f"/api/memberships?committee={meeting.committee_id}&year=2019").json()["count"]
        == 0
    )


def test_events_filter_by_date_and_committee_and_paginate(client, meeting, committee):
    from minutebook.meetings.models import Meeting

    for day in (5, 12, 19):
        Meeting.objects.create(committee=committee, date=datetime.date(2019, 6, day))
    page = client.get("/api/events?since=2019-06-01&page_size=2").json()
    assert page["count"] == 3 and len(page["results"]) == 2
    assert page["next"].endswith("page=2") or "page=2" in page["next"]
    assert client.get(page["next"]).json()["results"][0]["start_date"] == "2019-06-05"
    assert client.get("/api/events?until=2019-03-31").json()["count"] == 1
    assert client.get(f"/api/events?committee={committee.pk + 999}").json()["count"] == 0
    assert client.get("/api/events?page_size=0").status_code in (400, 422)
    assert client.get("/api/events?committee=&since=").json()["count"] == 4  # blank means any


def test_resolutions_list_public_decisions_only(client, meeting):
    data = client.get("/api/resolutions").json()
    assert [r["text"] for r in data["results"]] == ["That the report be noted."]
    assert data["results"][0]["minute_number"] == "53"

    # The same committee and date filters as /events, through the minute's meeting.
    def count(query: str) -> int:
        return client.get(f"/api/resolutions?{query}").json()["count"]

    assert count(f"committee={meeting.committee_id}&since=2019-03-04&until=2019-03-04") == 1
    assert count(f"committee={meeting.committee_id + 999}") == 0
    assert count("since=2019-03-05") == 0
    assert count("until=2019-03-03") == 0


def test_etag_lets_a_client_poll_cheaply(client, meeting):
    first = client.get(f"/api/events/{meeting.pk}")
    assert first.has_header("ETag")
    again = client.get(f"/api/events/{meeting.pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_unknown_event_is_404(client, meeting):
    assert client.get("/api/events/999999").status_code == 404


def test_every_endpoint_in_the_openapi_document_keeps_exempt_text_out(client, meeting):
    spec = client.get("/api/openapi.json").json()
    ids = {
        "council_id": meeting.committee.council_id,
        "committee_id": meeting.committee_id,
        "person_id": meeting.attendances.first().person_id,
        "meeting_id": meeting.pk,
    }
    fetched = 0
    for path in spec["paths"]:
        url = path
        for name, value in ids.items():
            url = url.replace("{" + name + "}", str(value))
        assert "{" not in url, f"no test value for a parameter of {path}"
        response = client.get(url)
        assert response.status_code == 200, url
        assert CANARY not in response.content.decode(), url
        fetched += 1
    assert fetched >= 9


@pytest.mark.parametrize("path", ["/api/docs", "/api/openapi.json"])
def test_api_documentation_is_served(client, path):
    assert client.get(path).status_code == 200
