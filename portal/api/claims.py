"""`/api/v1/claims/statistics/`: the public statistics of the claims
(`portal.complaints.selectors`), from their clear metadata only, small counts suppressed."""

import datetime as dt
from typing import Literal

from ninja import Field, Query, Router, Schema

from portal.complaints.selectors import DIMENSIONS, THRESHOLD, statistics_table

from .schemas import Lang, ValidationErrors

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
        description="The year of filing; by default the year of the last complete month. A "
        "year without a complete month yet gives no months and zeros.",
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
    through: dt.date | None = Field(
        description="The last day counted: the end of the last complete month of the year "
        "(null when none is over yet)."
    )
    threshold: int = Field(description="Counts below it (but zeros) are suppressed.")
    total: StatisticsCell = Field(description="Every claim of the year counted, all cells.")
    cells: list[StatisticsCell]
    median_days_to_acknowledge: MedianDays = Field(description="Of the whole year.")


DESCRIPTION = f"""Counts of the claims filed in a year (months in Morocco's time), by one
dimension, from their clear metadata only: their content is never read. Claims registered by
handlers from other channels count (see `channel`), and so do purged claims.

Only complete months are counted: the month under way is left out. A count from 1 to
{THRESHOLD - 1} is suppressed (`count` null, `suppressed` true, shown `"< {THRESHOLD}"`), and
so that it cannot be found again by subtracting the other cells from the total, another cell is
suppressed with it (the smallest one) whenever it would be the only one of its table, of its
status group, or of a month or kind of the grid of months by kind published in the statistics
section. Totals are the true totals. Medians of fewer than {THRESHOLD} claims are suppressed."""


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
    response={200: ClaimStatistics, 422: ValidationErrors},
    summary="Statistics of the claims",
    description=DESCRIPTION,
    operation_id="getClaimStatistics",
)
def claim_statistics(request, filters: Query[StatisticsQuery]):
    table = statistics_table(filters.dimension, year=filters.year, lang=filters.lang)
    return {
        "dimension": table.dimension,
        "year": table.year,
        "through": table.through,
        "threshold": THRESHOLD,
        "total": _cell(table.total),
        "cells": [_cell(cell) for cell in table.cells],
        "median_days_to_acknowledge": {
            "days": table.median.days,
            "claims": table.median.claims,
            "suppressed": table.median.suppressed,
        },
    }
