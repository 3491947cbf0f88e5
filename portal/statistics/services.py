"""Writes of the statistics: folders and permissions, and the import of an indicator's data."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale

from portal.institutions.services import institution_folder_ensure, section_permissions_ensure

from .models import (
    Dataset,
    DatasetVersion,
    IndicatorFolderPage,
    Observation,
    PendingImport,
    StatisticsIndexPage,
    encode_dimensions,
)

PENDING_LIFETIME = timedelta(days=1)


def indicator_folder_ensure(*, institution, index):
    """The folder of an institution's indicators. Idempotent."""
    return institution_folder_ensure(
        institution=institution, index=index, folder_model=IndicatorFolderPage
    )


def statistics_permissions_ensure(*, index):
    """Every institution gets its folder; the authority's moderators may publish anywhere in
    the statistics."""
    section_permissions_ensure(index=index, folder_model=IndicatorFolderPage)


def source_statistics():
    """The statistics index in the default language, where indicators are written."""
    return (
        StatisticsIndexPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("pk")
        .first()
    )


def _number(value):
    return None if value in (None, "") else Decimal(value)


@transaction.atomic
def dataset_version_create(*, indicator, rows, user=None, file_name="", comment=""):
    """A new version of the indicator's data, made current; the previous ones are kept.
    `rows` are dicts with period, start, dimensions ((code, value) pairs), value, lower, upper
    and note. All or nothing."""
    dataset, _created = Dataset.objects.select_for_update().get_or_create(
        translation_key=indicator.translation_key
    )
    number = (dataset.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DatasetVersion.objects.create(
        dataset=dataset,
        number=number,
        created_by=user,
        file_name=file_name[:255],
        row_count=len(rows),
        comment=comment[:300],
    )
    Observation.objects.bulk_create(
        [
            Observation(
                version=version,
                period=row["period"],
                start=row["start"]
                if isinstance(row["start"], date)
                else date.fromisoformat(row["start"]),
                dimension_key=encode_dimensions(row.get("dimensions") or ()),
                value=Decimal(row["value"]),
                lower=_number(row.get("lower")),
                upper=_number(row.get("upper")),
                note=row.get("note", ""),
            )
            for row in rows
        ],
        batch_size=500,
    )
    dataset.current = version
    dataset.save(update_fields=["current"])
    return version


def pending_import_create(*, indicator, parsed, user, file_name):
    """Keeps a validated file's rows until the editor confirms them (old ones are dropped)."""
    PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_LIFETIME).delete()
    return PendingImport.objects.create(
        dataset_key=indicator.translation_key,
        created_by=user,
        file_name=file_name[:255],
        rows=[
            {
                "line": row.line,
                "period": row.period,
                "start": row.start.isoformat(),
                "dimensions": [list(pair) for pair in row.dimensions],
                "value": str(row.value),
                "lower": None if row.lower is None else str(row.lower),
                "upper": None if row.upper is None else str(row.upper),
                "note": row.note,
            }
            for row in parsed.rows
        ],
    )


@transaction.atomic
def pending_import_confirm(*, pending, indicator, user, comment=""):
    """The confirmed rows become the indicator's current data. None when this import was
    confirmed already (two clicks: the second waits for the first, then finds nothing)."""
    pending = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
    if pending is None:
        return None
    rows = [
        {**row, "dimensions": [tuple(pair) for pair in row["dimensions"]]} for row in pending.rows
    ]
    version = dataset_version_create(
        indicator=indicator, rows=rows, user=user, file_name=pending.file_name, comment=comment
    )
    pending.delete()
    return version
