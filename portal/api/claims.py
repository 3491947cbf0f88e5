"""`/api/v1/claims/statistics/`: the public statistics of the claims
(`portal.complaints.selectors`), from their clear metadata only, small counts suppressed."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema, Status

from portal.complaints.selectors import DIMENSIONS, THRESHOLD, statistics_table

from .schemas import Lang, NotFound, ValidationErrors

router = Router(tags=["claims"])


class StatisticsQuery(Schema):
    dimension: Literal[DIMENSIONS] = Field(
        "month",
        description="What the claims are counted by: `month` of filing (with the median days "
        "to acknowledge of each month), `kind`, `offence`, `sector`, `region`, `status`, "
        "`status_group` (open or closed) or `channel` (this portal or a channel a handler "
        "registered the claim from).",
    )
    year: int = Field(
        None,
        ge=2000,
        le=2100,
        description="The year of filing. For `month`: the year whose months are listed (by "
        "default the year of the last published month). For the other dimensions: with "
        "`month`, the month to show; alone, its last published month.",
    )
    month: int = Field(
        None,
        ge=1,
        le=12,
        description="For the dimensions other than `month`: the month of filing to show (with "
        "`year`; by default the last published month). Each month is published once, a full "
        "month after it ends, and never revised.",
    )
    lang: Lang = Field("ar", description="The language of the labels.")


class StatisticsCell(Schema):
    value: str = Field(
        description="The code counted (e.g. `bribery`, `2025-03`, a sector's slug); empty for "
        "claims filed without a sector or region."
    )
    label: str = Field(description="Its name in the language of `lang`.")
    count: int | None = Field(description=f"null when suppressed (fewer than {THRESHOLD}).")
    suppressed: bool
    shown: str = Field(
        description=f'The count as the portal shows it: `"< {THRESHOLD}"` when suppressed.'
    )
    median_days_to_acknowledge: float | None = Field(
        description="Month cells: the median number of days between filing and acknowledgement "
        "of the month's acknowledged claims; null for other dimensions, without acknowledged "
        f"claims or with fewer than {THRESHOLD} (suppressed)."
    )
    median_suppressed: bool


class MedianDays(Schema):
    days: float | None = Field(description="null without acknowledged claims or when suppressed.")
    claims: int = Field(description="How many acknowledged claims it is the median of.")
    suppressed: bool


class ClaimStatistics(Schema):
    dimension: str
    year: int
    month: int | None = Field(description="The month shown; null for the list of months.")
    through: dt.date | None = Field(
        description="The last day of filing counted (null when no month is published yet)."
    )
    computed_at: dt.datetime | None = Field(
        description="When the (last) month was computed: statuses are those of that moment."
    )
    threshold: int = Field(description="Counts below it (but zeros) are suppressed.")
    total: StatisticsCell = Field(
        description="Every claim of the month counted; for the list of months, the year's "
        "total, null (suppressed) when any month's total is suppressed."
    )
    cells: list[StatisticsCell]
    median_days_to_acknowledge: MedianDays = Field(
        description="Of the month shown; empty for the list of months."
    )


DESCRIPTION = f"""Counts of the claims filed in a month (Morocco's time), by one dimension,
from their clear metadata only: their content is never read. Claims registered by handlers from
other channels count (see `channel`), and so do purged claims.

Each month is published once, a full month after it ends, and never revised: statuses are those
of the day it was computed (`computed_at`). `dimension=month` lists a year's published months
with their totals and median days to acknowledge; the other dimensions show one month. Nothing
is added up across months, so that no release can be subtracted from another.

A count from 1 to {THRESHOLD - 1} is suppressed (`count` null, `suppressed` true, shown
`"< {THRESHOLD}"`), and so that it cannot be found again by subtracting the other cells from the
total, another cell is suppressed with it (the smallest one) whenever it would be the only one
of its table or of its status group. Totals are the true totals. Medians of fewer than
{THRESHOLD} claims are suppressed. 404 when the month asked for is not published."""


def _cell(cell):
    return {
        "value": cell.value,
        "label": cell.label,
        "count": cell.count,
        "suppressed": cell.suppressed,
        "shown": cell.shown,
        "median_days_to_acknowledge": cell.median_days,
        "median_suppressed": cell.median_suppressed,
    }


@router.get(
    "/claims/statistics/",
    response={200: ClaimStatistics, 404: NotFound, 422: ValidationErrors},
    summary="Statistics of the claims",
    description=DESCRIPTION,
    operation_id="getClaimStatistics",
)
def claim_statistics(request, filters: Query[StatisticsQuery]):
    table = statistics_table(
        filters.dimension, year=filters.year, month=filters.month, lang=filters.lang
    )
    if table is None:
        return Status(404, {"detail": "No statistics are published for this month."})
    return {
        "dimension": table.dimension,
        "year": table.year,
        "month": table.month,
        "through": table.through,
        "computed_at": table.computed_at,
        "threshold": THRESHOLD,
        "total": _cell(table.total),
        "cells": [_cell(cell) for cell in table.cells],
        "median_days_to_acknowledge": {
            "days": table.median.days,
            "claims": table.median.claims,
            "suppressed": table.median.suppressed,
        },
    }
