import pytest


@pytest.fixture
def meeting(meeting_with_exempt_business):
    return meeting_with_exempt_business
