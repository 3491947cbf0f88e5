"""Public statistics of the claims: suppression of small counts and of the cells that would give
them away, medians, months in Morocco's time, purged and registered claims, the API and the
indicators of the statistics section."""

import datetime as dt
import itertools
import secrets
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import schemathesis
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from portal.core.testing import keep_test_connection
from portal.statistics.models import IndicatorPage

from .. import services
from ..choices import Channel, Kind, Offence, Status
from ..models import Claim
from ..selectors import THRESHOLD, _protect, statistics_table, year_statistics
from .factories import claim_create, handler_create

URL = "/api/v1/claims/statistics/"
UTC = dt.UTC
CASABLANCA = ZoneInfo("Africa/Casablanca")
YEAR = 2024  # a complete year, whatever today's date
SLUGS = ("claims-received-by-month", "claims-by-offence", "median-days-to-acknowledge-a-claim")
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Schemathesis calls the WSGI application itself."""
    with keep_test_connection():
        yield


def claims(count, filed_at, *, acknowledged_after=None, **fields):
    """`count` claims (clear metadata only: statistics never read anything else)."""
    values = {"kind": Kind.DENUNCIATION, "offence": Offence.BRIBERY, "identity": "anonymous"}
    values.update(fields)
    acknowledged_at = filed_at + acknowledged_after if acknowledged_after is not None else None
    Claim.objects.bulk_create(
        Claim(
            reference=f"T-{next(_numbers)}",
            receipt_lookup=secrets.token_bytes(32),
            language="ar",
            filed_at=filed_at,
            acknowledged_at=acknowledged_at,
            acknowledge_by=filed_at + dt.timedelta(days=7),
            answer_by=filed_at + dt.timedelta(days=90),
            last_activity_at=filed_at,
            **values,
        )
        for _ in range(count)
    )


def at(month, day=15, year=YEAR):
    return dt.datetime(year, month, day, 12, tzinfo=UTC)


def cells(table):
    return {cell.value: cell for cell in table.cells}


def api(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def api_cells(data):
    return {cell["value"]: cell for cell in data["cells"]}


# --- Suppression


def test_counts_under_5_are_suppressed_with_the_next_smallest(client, db):
    claims(3, at(3), kind=Kind.COMPLAINT)
    claims(10, at(3), kind=Kind.DENUNCIATION)
    claims(7, at(3), kind=Kind.INFORMATION)
    data = api(client, dimension="kind", year=YEAR, lang="en")
    by_kind = api_cells(data)
    assert by_kind["complaint"] == {
        "value": "complaint",
        "label": "Complaint",
        "count": None,
        "suppressed": True,
        "shown": "< 5",
        "median_days_to_acknowledge": None,
        "median_suppressed": False,
    }
    # 7 alone would give 20 - 10 - 7 = 3 away: it is withheld too.
    assert by_kind["information"]["count"] is None and by_kind["information"]["suppressed"]
    assert by_kind["denunciation"]["count"] == 10
    assert data["total"]["count"] == 20
    assert data["threshold"] == THRESHOLD
    assert data["through"] == f"{YEAR}-12-31"


def test_zeros_are_shown_and_need_no_protection(db):
    claims(12, at(5), offence=Offence.BRIBERY)
    table = statistics_table("offence", year=YEAR, lang="en")
    offences = cells(table)
    assert offences["bribery"].count == 12 and not offences["bribery"].suppressed
    assert offences["conflict"].count == 0 and offences["conflict"].shown == "0"
    assert offences["bribery"].label == "Bribery"
    assert table.total.count == 12


def test_a_small_total_is_suppressed_too(client, db):
    claims(4, at(6))
    data = api(client, dimension="offence", year=YEAR)
    assert data["total"]["suppressed"] and data["total"]["count"] is None
    assert api_cells(data)["bribery"]["suppressed"]


def test_status_groups_protect_each_other(db):
    """A single small closed status would be given away by the closed group's total."""
    claims(3, at(2), status=Status.CLOSED_FOUNDED)
    claims(6, at(2), status=Status.CLOSED_UNFOUNDED)
    claims(8, at(2), status=Status.CLOSED_INADMISSIBLE)
    claims(9, at(2), status=Status.RECEIVED)
    claims(20, at(2), status=Status.ACKNOWLEDGED)
    statuses = cells(statistics_table("status", year=YEAR))
    groups = cells(statistics_table("status_group", year=YEAR))
    assert groups["closed"].count == 17 and groups["open"].count == 29
    assert statuses["closed_founded"].suppressed
    assert statuses["closed_unfounded"].suppressed  # the smallest other closed status
    assert statuses["closed_inadmissible"].count == 8
    assert statuses["received"].count == 9 and statuses["acknowledged"].count == 20


def test_the_grid_of_months_by_kind_is_protected_in_both_directions(db):
    """The kind table and the month table are margins of the grid that the statistics section
    publishes: a cell withheld in the grid cannot come back from a month's or a kind's total."""
    claims(2, at(1), kind=Kind.COMPLAINT)
    claims(10, at(1), kind=Kind.DENUNCIATION)
    claims(8, at(2), kind=Kind.COMPLAINT)
    claims(9, at(2), kind=Kind.DENUNCIATION)
    data = year_statistics(YEAR)
    grid = {key: key in data.hidden for key in data.counts if key[0] == "mk"}
    # January's 2 complaints are hidden, and so is a second cell of January and of the
    # complaints' column, and the grid is left with no line of a single hidden cell.
    assert grid[("mk", 1, "complaint")] and grid[("mk", 1, "denunciation")]
    assert grid[("mk", 2, "complaint")] and grid[("mk", 2, "denunciation")]
    assert cells(statistics_table("kind", year=YEAR))["complaint"].count == 10
    assert cells(statistics_table("month", year=YEAR))[f"{YEAR}-01"].count == 12


def _lines_are_safe(counts, lines, hidden):
    for members, _parts in lines:
        assert sum(member in hidden for member in members) != 1, members
    for key, count in counts.items():
        if 0 < count < THRESHOLD:
            assert key in hidden


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=12), min_size=3, max_size=3),
        min_size=1,
        max_size=6,
    )
)
def test_no_line_is_ever_left_with_a_single_suppressed_cell(rows):
    """Property: whatever the counts of a grid with its margins, every count from 1 to 4 is
    hidden and no row, column or margin has exactly one hidden member (it would be its total
    minus the others)."""
    counts = {("cell", r, c): n for r, row in enumerate(rows) for c, n in enumerate(row)}
    for r, row in enumerate(rows):
        counts[("row", r)] = sum(row)
    for c in range(3):
        counts[("col", c)] = sum(row[c] for row in rows)
    counts[("total",)] = sum(map(sum, rows))
    lines = [
        (
            [*(("row", r) for r in range(len(rows))), ("total",)],
            [("row", r) for r in range(len(rows))],
        ),
        ([*(("col", c) for c in range(3)), ("total",)], [("col", c) for c in range(3)]),
    ]
    for r in range(len(rows)):
        parts = [("cell", r, c) for c in range(3)]
        lines.append(([*parts, ("row", r)], parts))
    for c in range(3):
        parts = [("cell", r, c) for r in range(len(rows))]
        lines.append(([*parts, ("col", c)], parts))
    _lines_are_safe(counts, lines, _protect(counts, lines))


# --- Time, medians, purged and registered claims


def test_months_are_those_of_casablanca(db):
    # 23:30 UTC on 31 January is 00:30 on 1 February in Casablanca (UTC+1).
    claims(5, dt.datetime(YEAR, 1, 31, 23, 30, tzinfo=UTC))
    # 23:30 UTC on 31 December of the year before is already in the new year there.
    claims(6, dt.datetime(YEAR - 1, 12, 31, 23, 30, tzinfo=UTC))
    months = cells(statistics_table("month", year=YEAR, lang="en"))
    assert months[f"{YEAR}-01"].count == 6
    assert months[f"{YEAR}-02"].count == 5
    assert months[f"{YEAR}-02"].label == f"February {YEAR}"
    assert statistics_table("month", year=YEAR - 1).total.count == 0


def test_the_month_under_way_is_not_counted(client, db):
    now = timezone.now()
    claims(7, now)
    month_start = timezone.localtime(now, CASABLANCA).replace(day=1, hour=0, minute=0, second=0)
    claims(6, month_start - dt.timedelta(minutes=1))
    data = api(client, dimension="month")
    assert data["total"]["count"] == 6
    this_month = timezone.localtime(now, CASABLANCA).strftime("%Y-%m")
    assert this_month not in api_cells(data)
    # A month later, it is.
    later = now + dt.timedelta(days=40)
    year = timezone.localtime(now, CASABLANCA).year
    assert cells(statistics_table("month", year=year, now=later))[this_month].count == 7


def test_median_days_to_acknowledge(client, db):
    for days in (1, 2, 3, 4, 10):
        claims(1, at(3), acknowledged_after=dt.timedelta(days=days))
    for days in (1, 2, 3, 4):
        claims(1, at(4), acknowledged_after=dt.timedelta(days=days))
    claims(3, at(4))  # not acknowledged: not in the median
    data = api(client, dimension="month", year=YEAR)
    months = api_cells(data)
    assert months[f"{YEAR}-03"]["median_days_to_acknowledge"] == 3.0
    assert not months[f"{YEAR}-03"]["median_suppressed"]
    assert months[f"{YEAR}-04"]["median_days_to_acknowledge"] is None
    assert months[f"{YEAR}-04"]["median_suppressed"]  # 4 acknowledged claims only
    assert months[f"{YEAR}-05"]["median_days_to_acknowledge"] is None
    assert not months[f"{YEAR}-05"]["median_suppressed"]  # none at all
    assert data["median_days_to_acknowledge"] == {"days": 3.0, "claims": 9, "suppressed": False}


def test_purged_and_registered_claims_count(db):
    handler, _key = handler_create()
    filed = [claim_create()[0] for _ in range(6)]
    filed += [claim_create(channel=Channel.IN_PERSON, registered_by=handler)[0] for _ in range(5)]
    for claim in filed[:2]:
        services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_UNFOUNDED)
        services.claim_purge(claim=claim)
    assert Claim.objects.filter(purged_at__isnull=False).count() == 2
    later = timezone.now() + dt.timedelta(days=40)
    year = timezone.localtime(timezone.now(), CASABLANCA).year
    channels = cells(statistics_table("channel", year=year, now=later, lang="en"))
    assert channels["in_person"].count == 5 and channels["in_person"].label == "In person"
    assert channels["online"].count == 6  # 2 of them purged
    assert statistics_table("kind", year=year, now=later).total.count == 11


def test_sectors_and_regions_have_labels_and_a_not_given_cell(db):
    claims(6, at(7), sector="health", region="souss-massa")
    claims(5, at(7))
    sectors = cells(statistics_table("sector", year=YEAR, lang="fr"))
    assert sectors["health"].count == 6 and sectors["health"].label == "Santé"
    assert sectors[""].count == 5 and sectors[""].label
    assert sectors["education"].count == 0
    regions = cells(statistics_table("region", year=YEAR, lang="en"))
    assert regions["souss-massa"].count == 6 and regions[""].count == 5


# --- API


def test_defaults_and_errors(client, db):
    data = api(client)
    assert data["dimension"] == "month"
    previous = timezone.localtime(timezone.now(), CASABLANCA).replace(day=1) - dt.timedelta(days=1)
    assert data["year"] == previous.year
    for params in ({"dimension": "content"}, {"year": "soon"}, {"year": 1999}, {"lang": "de"}):
        response = client.get(URL, params)
        assert response.status_code == 422, params
        assert response.json()["detail"][0]["loc"][0] == "query"
    assert client.post(URL).status_code == 405


def test_queries_do_not_grow_with_the_number_of_claims(client, db, django_assert_max_num_queries):
    claims(10, at(1), sector="health")
    for dimension in ("month", "sector"):
        with django_assert_max_num_queries(6):
            api(client, dimension=dimension, year=YEAR)
    for month in range(1, 13):
        for kind in Kind.values:
            claims(7, at(month), kind=kind, sector="education", region="oriental")
    for dimension in ("month", "sector", "status"):
        with django_assert_max_num_queries(6):
            api(client, dimension=dimension, year=YEAR)


def test_openapi_schema_describes_the_statistics(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["get"]
    assert operation["operationId"] == "getClaimStatistics"
    assert operation["tags"] == ["claims"]
    assert "422" in operation["responses"]
    assert all(parameter["description"] for parameter in operation["parameters"])
    assert "suppressed" in operation["description"]


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    tag="claims"
)


@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case):
    claims(6, at(3), kind=Kind.COMPLAINT)
    claims(2, at(3), kind=Kind.INFORMATION, acknowledged_after=dt.timedelta(days=2))
    case.call_and_validate()


# --- The statistics section


def _observations(page):
    current = IndicatorPage.objects.get(pk=page.pk).dataset.current
    return {(obs.period, obs.dimension_key): obs.value for obs in current.observations.all()}


def test_publish_creates_the_indicators_then_adds_versions_only_on_change(db):
    claims(3, at(1), kind=Kind.COMPLAINT, offence=Offence.ABUSE)
    claims(12, at(1), kind=Kind.DENUNCIATION)
    claims(9, at(1), kind=Kind.INFORMATION)
    for days in (1, 2, 2, 5, 6):
        claims(1, at(2), acknowledged_after=dt.timedelta(days=days), offence=Offence.INFLUENCE)
    out = call_command_output("claims_publish_statistics")
    assert "claims-by-offence: created" in out
    pages = {page.slug: page for page in IndicatorPage.objects.filter(slug__in=SLUGS)}
    by_month = pages["claims-received-by-month"].specific
    assert by_month.live and by_month.get_parent().specific.institution.acronym == "INPPLC"
    assert by_month.source_kind == "national" and by_month.licence == "cc-by-4.0"
    assert by_month.periodicity == "monthly" and "5" in by_month.methodology
    assert [d.code for d in by_month.dimensions.all()] == ["kind"]
    assert by_month.notes.count() == 1
    for lang in ("fr", "en", "zgh"):
        assert by_month.get_translation(Locale.objects.get(language_code=lang)).live
    english = by_month.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.title == "Claims received by month"
    assert english.dimensions.get().label == "Kind"

    monthly = _observations(by_month)
    assert monthly[(f"{YEAR}-01", "")] == 24
    assert monthly[(f"{YEAR}-01", "kind=denunciation")] == 12
    # 3 complaints: withheld, with January's next smallest kind.
    assert (f"{YEAR}-01", "kind=complaint") not in monthly
    assert (f"{YEAR}-01", "kind=information") not in monthly
    assert monthly[(f"{YEAR}-02", "kind=denunciation")] == 5
    assert (f"{YEAR}-03", "") in monthly  # the months after, up to the last complete one
    assert (f"{YEAR - 1}-12", "") not in monthly  # nothing before the first claim

    yearly = _observations(pages["claims-by-offence"])
    assert yearly[(str(YEAR), "")] == 29
    assert yearly[(str(YEAR), "offence=bribery")] == 21
    # 3 abuses of functions: withheld, with the smallest other offence (5 influence).
    assert (str(YEAR), "offence=abuse") not in yearly
    assert (str(YEAR), "offence=influence") not in yearly
    assert yearly[(str(YEAR), "offence=conflict")] == 0

    medians = _observations(pages["median-days-to-acknowledge-a-claim"])
    assert medians == {(f"{YEAR}-02", ""): Decimal("2.0")}

    versions = {slug: page.dataset.versions.count() for slug, page in pages.items()}
    out = call_command_output("claims_publish_statistics")
    assert "claims-by-offence: unchanged" in out
    assert {slug: page.dataset.versions.count() for slug, page in pages.items()} == versions

    claims(6, at(6), offence=Offence.CONFLICT)
    assert "claims-by-offence: updated" in call_command_output("claims_publish_statistics")
    assert pages["claims-by-offence"].dataset.versions.count() == versions["claims-by-offence"] + 1
    assert _observations(pages["claims-by-offence"])[(str(YEAR), "offence=conflict")] == 6
    assert IndicatorPage.objects.filter(slug__in=SLUGS).count() == len(SLUGS) * 4


def call_command_output(name):
    import io

    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()
