"""The admin's import of an indicator's data: upload, validation preview, confirmation."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import importer
from .models import IndicatorPage, PendingImport, encode_dimensions
from .services import pending_import_confirm, pending_import_create

PREVIEW_ROWS = 200


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Data file (CSV or XLSX)"),
        help_text=gettext_lazy(
            "Columns: period, value, and optionally lower, upper, note and the breakdowns."
        ),
    )


class ConfirmForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What changed"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("For the history of the data, e.g. “2025 values added”."),
    )


def _editable_indicator(request, page_id):
    """The indicator, if the user may change it now: edit rights, and no lock (a moderator's
    or a workflow's) that applies to them."""
    page = get_object_or_404(IndicatorPage, pk=page_id)
    lock = page.get_lock()
    if not page.permissions_for_user(request.user).can_edit() or (
        lock and lock.for_user(request.user)
    ):
        raise PermissionDenied
    return page


def _breakdown_codes(page):
    """The breakdowns of the indicator's latest version, draft included: a breakdown added
    in a draft is accepted in the file before the page is published."""
    return [d.code for d in page.get_latest_revision_as_object().dimensions.all()]


def import_upload(request, page_id):
    page = _editable_indicator(request, page_id)
    parsed = None
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        parsed = importer.parse(
            upload,
            periodicity=page.periodicity,
            dimensions=_breakdown_codes(page),
            max_bytes=settings.STATISTICS_MAX_UPLOAD_BYTES,
        )
        if parsed.ok:
            pending = pending_import_create(
                indicator=page, parsed=parsed, user=request.user, file_name=upload.name
            )
            return redirect("statistics_import_preview", page_id=page.pk, pending_id=pending.pk)
    return TemplateResponse(
        request,
        "statistics/admin/import_upload.html",
        {
            "page": page,
            "form": form,
            "parsed": parsed,
            "limit": filesizeformat(settings.STATISTICS_MAX_UPLOAD_BYTES),
            "dimensions": list(page.get_latest_revision_as_object().dimensions.all()),
            "example": importer.EXAMPLES[page.periodicity],
        },
        status=200 if parsed is None else 422,
    )


def _changes(page, rows):
    """What the new rows change compared with the current data: added, changed, removed."""
    dataset = page.dataset
    current = {}
    if dataset and dataset.current_id:
        current = {
            (obs.period, obs.dimension_key): obs.value
            for obs in dataset.current.observations.only("period", "dimension_key", "value")
        }
    new = {
        (row["period"], encode_dimensions(tuple(pair) for pair in row["dimensions"])): row["value"]
        for row in rows
    }
    added = sum(1 for key in new if key not in current)
    changed = sum(
        1 for key, value in new.items() if key in current and current[key] != Decimal(value)
    )
    removed = sum(1 for key in current if key not in new)
    return {"added": added, "changed": changed, "removed": removed}


def import_preview(request, page_id, pending_id):
    page = _editable_indicator(request, page_id)
    pending = get_object_or_404(
        PendingImport, pk=pending_id, created_by=request.user, dataset_key=page.translation_key
    )
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = pending_import_confirm(
            pending=pending,
            indicator=page,
            user=request.user,
            comment=form.cleaned_data["comment"],
        )
        if version is not None:  # None: a second click, already imported
            messages.success(
                request,
                _("Version %(number)s of the data is now shown, with %(rows)s values.")
                % {"number": version.number, "rows": version.row_count},
            )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    rows = pending.rows
    return TemplateResponse(
        request,
        "statistics/admin/import_preview.html",
        {
            "page": page,
            "pending": pending,
            "form": form,
            "count": len(rows),
            "rows": [
                {**row, "dimensions": dict(map(tuple, row["dimensions"]))}
                for row in rows[:PREVIEW_ROWS]
            ],
            "truncated": len(rows) > PREVIEW_ROWS,
            "changes": _changes(page, rows),
            "codes": _breakdown_codes(page),
        },
    )
