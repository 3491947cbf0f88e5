"""Public statistics of the claims: months published once and never revised, suppression of small
counts and of the cells that would give them away, medians, months in Morocco's time, purged and
registered claims, the API and the indicators of the statistics section."""

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
from portal.statistics.services import dataset_version_create

from .. import services
from ..choices import Channel, Kind, Offence, Status
from ..models import Claim, StatisticsMonth
from ..publish import statistics_publish
from ..selectors import THRESHOLD, _protect, months_freeze, statistics_table
from .factories import claim_create, handler_create

URL = "/api/v1/claims/statistics/"
UTC = dt.UTC
CASABLANCA = ZoneInfo("Africa/Casablanca")
YEAR = 2024  # a year whose months are all published, whatever today's date
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


# --- Suppression, within a month


def published(dimension, month, **kwargs):
    months_freeze()
    return statistics_table(dimension, year=YEAR, month=month, **kwargs)


def test_counts_under_5_are_suppressed_with_the_next_smallest(client, db):
    claims(3, at(3), kind=Kind.COMPLAINT)
    claims(10, at(3), kind=Kind.DENUNCIATION)
    claims(7, at(3), kind=Kind.INFORMATION)
    months_freeze()
    data = api(client, dimension="kind", year=YEAR, month=3, lang="en")
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
    assert (data["year"], data["month"], data["through"]) == (YEAR, 3, f"{YEAR}-03-31")
    assert data["computed_at"]


def test_zeros_are_shown_and_need_no_protection(db):
    claims(12, at(5), offence=Offence.BRIBERY)
    table = published("offence", 5, lang="en")
    offences = cells(table)
    assert offences["bribery"].count == 12 and not offences["bribery"].suppressed
    assert offences["conflict"].count == 0 and offences["conflict"].shown == "0"
    assert offences["bribery"].label == "Bribery"
    assert table.total.count == 12


def test_a_small_total_is_suppressed_too(client, db):
    claims(4, at(6))
    months_freeze()
    data = api(client, dimension="offence", year=YEAR, month=6)
    assert data["total"]["suppressed"] and data["total"]["count"] is None
    assert api_cells(data)["bribery"]["suppressed"]


def test_status_groups_protect_each_other(db):
    """A single small closed status would be given away by the closed group's total."""
    claims(3, at(2), status=Status.CLOSED_FOUNDED)
    claims(6, at(2), status=Status.CLOSED_UNFOUNDED)
    claims(8, at(2), status=Status.CLOSED_INADMISSIBLE)
    claims(9, at(2), status=Status.RECEIVED)
    claims(20, at(2), status=Status.ACKNOWLEDGED)
    statuses = cells(published("status", 2))
    groups = cells(statistics_table("status_group", year=YEAR, month=2))
    assert groups["closed"].count == 17 and groups["open"].count == 29
    assert statuses["closed_founded"].suppressed
    assert statuses["closed_unfounded"].suppressed  # the smallest other closed status
    assert statuses["closed_inadmissible"].count == 8
    assert statuses["received"].count == 9 and statuses["acknowledged"].count == 20


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


# --- Published once, never revised


def test_a_published_month_never_changes(client, db):
    """Statuses move, a claim is purged: what was published for a month stays as it was, in
    the API and in the statistics section, so no two releases can be subtracted."""
    claims(3, at(4), kind=Kind.COMPLAINT, status=Status.RECEIVED)
    claims(9, at(4), kind=Kind.DENUNCIATION, status=Status.RECEIVED)
    statistics_publish()
    before = {
        dimension: api(client, dimension=dimension, year=YEAR, month=4)
        for dimension in ("kind", "status", "status_group")
    }
    rows = {p.slug: _observations(p) for p in IndicatorPage.objects.filter(slug__in=SLUGS)}
    Claim.objects.filter(filed_at__year=YEAR).update(status=Status.CLOSED_FOUNDED)
    claims(6, at(4), kind=Kind.COMPLAINT)  # cannot happen (filed now), but even so
    assert statistics_publish() == dict.fromkeys(SLUGS, "unchanged")
    for dimension, data in before.items():
        assert api(client, dimension=dimension, year=YEAR, month=4) == data
    assert {p.slug: _observations(p) for p in IndicatorPage.objects.filter(slug__in=SLUGS)} == rows
    assert StatisticsMonth.objects.filter(year=YEAR, month=4).count() == 1


def test_nothing_is_added_up_over_months_that_hid_a_count(client, db):
    """The year's total is the sum of the months' totals: shown only when every month's total
    is, otherwise it would give the hidden one away."""
    claims(7, at(1))
    claims(8, at(2))
    claims(2, at(3, year=YEAR + 1))
    claims(9, at(4, year=YEAR + 1))
    months_freeze()
    data = api(client, dimension="month", year=YEAR)
    assert data["month"] is None and data["total"]["count"] == 15
    data = api(client, dimension="month", year=YEAR + 1)
    assert api_cells(data)[f"{YEAR + 1}-03"]["suppressed"]
    assert api_cells(data)[f"{YEAR + 1}-04"]["count"] == 9
    assert data["total"]["count"] is None and data["total"]["suppressed"]


def test_a_month_is_published_a_full_month_after_it_ends(db):
    now = timezone.now()
    this_month = timezone.localtime(now, CASABLANCA).replace(day=15)
    last_month = (this_month.replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    month_before = (last_month.replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    for moment in (this_month, last_month, month_before):
        claims(6, moment.astimezone(UTC))
    months_freeze()
    published_months = set(StatisticsMonth.objects.values_list("year", "month"))
    assert (month_before.year, month_before.month) in published_months
    assert (last_month.year, last_month.month) not in published_months
    assert (this_month.year, this_month.month) not in published_months
    # A month later, last month is published too; and only once.
    months_freeze(now=now + dt.timedelta(days=31))
    months_freeze(now=now + dt.timedelta(days=31))
    assert StatisticsMonth.objects.filter(year=last_month.year, month=last_month.month).count() == 1


# --- Time, medians, purged and registered claims


def test_months_are_those_of_casablanca(db):
    # 23:30 UTC on 31 January is 00:30 on 1 February in Casablanca (UTC+1).
    claims(5, dt.datetime(YEAR, 1, 31, 23, 30, tzinfo=UTC))
    # 23:30 UTC on 31 December of the year before is already in the new year there.
    claims(6, dt.datetime(YEAR - 1, 12, 31, 23, 30, tzinfo=UTC))
    months = cells(published("month", None, lang="en"))
    assert months[f"{YEAR}-01"].count == 6
    assert months[f"{YEAR}-02"].count == 5
    assert months[f"{YEAR}-02"].label == f"February {YEAR}"
    assert not statistics_table("month", year=YEAR - 1).cells


def test_median_days_to_acknowledge(client, db):
    for days in (1, 2, 3, 4, 10):
        claims(1, at(3), acknowledged_after=dt.timedelta(days=days))
    for days in (1, 2, 3, 4):
        claims(1, at(4), acknowledged_after=dt.timedelta(days=days))
    claims(3, at(4))  # not acknowledged: not in the median
    months_freeze()
    months = api_cells(api(client, dimension="month", year=YEAR))
    assert months[f"{YEAR}-03"]["median_days_to_acknowledge"] == 3.0
    assert not months[f"{YEAR}-03"]["median_suppressed"]
    assert months[f"{YEAR}-04"]["median_days_to_acknowledge"] is None
    assert months[f"{YEAR}-04"]["median_suppressed"]  # 4 acknowledged claims only
    assert months[f"{YEAR}-05"]["median_days_to_acknowledge"] is None
    assert not months[f"{YEAR}-05"]["median_suppressed"]  # none at all
    march = api(client, dimension="kind", year=YEAR, month=3)
    assert march["median_days_to_acknowledge"] == {"days": 3.0, "claims": 5, "suppressed": False}


def test_purged_and_registered_claims_count(db):
    handler, _key = handler_create()
    filed = [claim_create()[0] for _ in range(6)]
    filed += [claim_create(channel=Channel.IN_PERSON, registered_by=handler)[0] for _ in range(5)]
    for claim in filed[:2]:
        services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_UNFOUNDED)
        services.claim_purge(claim=claim)
    assert Claim.objects.filter(purged_at__isnull=False).count() == 2
    now = timezone.localtime(timezone.now(), CASABLANCA)
    months_freeze(now=now + dt.timedelta(days=70))
    table = statistics_table("channel", year=now.year, month=now.month, lang="en")
    channels = cells(table)
    assert channels["in_person"].count == 5 and channels["in_person"].label == "In person"
    assert channels["online"].count == 6  # 2 of them purged
    assert table.total.count == 11


def test_sectors_and_regions_have_labels_and_a_not_given_cell(db):
    claims(6, at(7), sector="health", region="souss-massa")
    claims(5, at(7))
    sectors = cells(published("sector", 7, lang="fr"))
    assert sectors["health"].count == 6 and sectors["health"].label == "Santé"
    assert sectors[""].count == 5 and sectors[""].label
    assert sectors["education"].count == 0
    regions = cells(statistics_table("region", year=YEAR, month=7, lang="en"))
    assert regions["souss-massa"].count == 6 and regions[""].count == 5


# --- API


def test_defaults_and_errors(client, db):
    claims(6, at(3))
    claims(7, at(5))
    months_freeze()
    assert api(client)["dimension"] == "month"
    latest = StatisticsMonth.objects.order_by("-year", "-month").first()
    data = api(client, dimension="kind")
    assert (data["year"], data["month"]) == (latest.year, latest.month)
    assert api(client, dimension="kind", year=YEAR)["month"] == 12
    response = client.get(URL, {"dimension": "kind", "year": 2099, "month": 1})
    assert response.status_code == 404
    assert response.json() == {"detail": "No statistics are published for this month."}
    for params in (
        {"dimension": "content"},
        {"year": "soon"},
        {"year": 1999},
        {"lang": "de"},
        {"month": 13},
    ):
        response = client.get(URL, params)
        assert response.status_code == 422, params
        assert response.json()["detail"][0]["loc"][0] == "query"
    assert client.post(URL).status_code == 405


def test_queries_do_not_grow_with_the_number_of_claims(client, db, django_assert_max_num_queries):
    claims(10, at(1), sector="health")
    months_freeze()
    for dimension in ("month", "sector"):
        with django_assert_max_num_queries(6):
            api(client, dimension=dimension, year=YEAR, month=1)
    for month in range(1, 13):
        for kind in Kind.values:
            claims(7, at(month, year=YEAR + 1), kind=kind, sector="education", region="oriental")
    with django_assert_max_num_queries(60):  # two a month, and the sectors' names
        months_freeze()
    for dimension in ("month", "sector", "status"):
        with django_assert_max_num_queries(6):
            api(client, dimension=dimension, year=YEAR + 1, month=6)


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
    months_freeze()
    case.call_and_validate()


# --- The statistics section


def _observations(page):
    dataset = IndicatorPage.objects.get(pk=page.pk).dataset
    if dataset is None:
        return {}
    current = dataset.current
    return {(obs.period, obs.dimension_key): obs.value for obs in current.observations.all()}


def test_publish_creates_the_indicators_then_adds_only_new_months(db):
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
    assert (f"{YEAR}-03", "") in monthly  # the months after, up to the last published one
    assert (f"{YEAR - 1}-12", "") not in monthly  # nothing before the first claim

    by_offence = _observations(pages["claims-by-offence"])
    assert pages["claims-by-offence"].specific.periodicity == "monthly"
    assert by_offence[(f"{YEAR}-01", "")] == 24
    # 3 abuses of functions: withheld, with the only other offence of January (21 bribes).
    assert (f"{YEAR}-01", "offence=abuse") not in by_offence
    assert (f"{YEAR}-01", "offence=bribery") not in by_offence
    assert by_offence[(f"{YEAR}-02", "offence=influence")] == 5
    assert by_offence[(f"{YEAR}-01", "offence=conflict")] == 0
    assert all(len(period) == 7 and period[4] == "-" for period, _ in by_offence)  # months

    medians = _observations(pages["median-days-to-acknowledge-a-claim"])
    assert medians == {(f"{YEAR}-02", ""): Decimal("2.0")}

    versions = {slug: page.dataset.versions.count() for slug, page in pages.items()}
    out = call_command_output("claims_publish_statistics")
    assert "claims-by-offence: unchanged" in out
    assert {slug: page.dataset.versions.count() for slug, page in pages.items()} == versions

    # A new month: a new version that only adds it; the previous version stays (same figures).
    later = timezone.now() + dt.timedelta(days=31)
    claims(6, later - dt.timedelta(days=60), offence=Offence.CONFLICT)
    assert statistics_publish(now=later)["claims-by-offence"] == "updated"
    page = pages["claims-by-offence"]
    assert page.dataset.versions.count() == versions["claims-by-offence"] + 1
    current = _observations(page)
    assert {key: value for key, value in current.items() if key in by_offence} == by_offence
    assert IndicatorPage.objects.filter(slug__in=SLUGS).count() == len(SLUGS) * 4


def test_versions_of_an_earlier_method_are_deleted(client, db):
    """Data that a new version does not contain (computed by an earlier method, which revised
    the year to date) would let a reader compare the two: the old versions go."""
    claims(8, at(1))
    statistics_publish()
    page = IndicatorPage.objects.get(slug="claims-by-offence", locale__language_code="ar")
    old = dataset_version_create(
        indicator=page,
        rows=[
            {
                "period": f"{YEAR}-01",
                "start": dt.date(YEAR, 1, 1),
                "dimensions": (),
                "value": Decimal(9),
                "note": "",
            }
        ],
        comment="the year to date, as computed before",
    )
    assert statistics_publish()["claims-by-offence"] == "updated"
    assert list(page.dataset.versions.all()) == [page.dataset.current]
    assert not page.dataset.versions.filter(pk=old.pk).exists()
    url = page.get_url()
    assert client.get(f"{url}versions/{old.number}/data.csv").status_code == 404


def call_command_output(name):
    import io

    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()
