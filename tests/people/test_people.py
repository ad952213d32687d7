import pytest

from minutebook.people.models import NameVariant, name_key


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Kath Perry, MBE", "kath perry"),
        ("Cllr Gill Heath", "gill heath"),
        ("County Councillor Ann Beech", "ann beech"),
        ("Mr. John  Francis", "john francis"),
        ("Siân O'Neill", "sian o neill"),
    ],
)
def test_name_key_folds_titles_post_nominals_and_accents(printed, key):
    assert name_key(printed) == key


def test_person_gets_slug_sort_name_and_canonical_variant(make_person):
    person = make_person("Kath Perry", post_nominals="MBE", honorific_prefix="Cllr")
    assert person.sort_name == "Perry, Kath"
    assert person.printed_name == "Cllr Kath Perry, MBE"
    assert NameVariant.objects.filter(person=person, key="kath perry").exists()
    twin = make_person("Kath Perry")
    assert twin.slug == "kath-perry-2"
