from decimal import Decimal

import factory
from wagtail.models import Locale

from portal.statistics.importer import period_start
from portal.statistics.models import IndicatorDimension, IndicatorFolderPage, IndicatorPage
from portal.statistics.services import dataset_version_create


def rows(values, **dims):
    """Data rows {period: value} (with the same breakdown `dims`) for `dataset_version_create`."""
    return [
        {
            "period": period,
            "start": period_start(period),
            "dimensions": tuple(sorted(dims.items())),
            "value": Decimal(str(value)),
        }
        for period, value in values.items()
    ]


class IndicatorPageFactory(factory.django.DjangoModelFactory):
    """A published indicator in the folder of an institution (`folder`: its slug, INPPLC's by
    default) of a language's statistics (Arabic by default), with `data` rows (see `rows`) as
    its first version and `dimension_codes` as its breakdowns."""

    class Meta:
        model = IndicatorPage

    title = factory.Sequence(lambda n: f"Indicator {n}")
    slug = factory.Sequence(lambda n: f"indicator-{n}")
    source_kind = "national"
    definition = "<p>Definition.</p>"
    unit = "cases"
    periodicity = "annual"
    source_name = "Test source"
    citation = "Test source (2025)."
    licence = "cc-by-4.0"

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        folder="inpplc",
        language_tree="ar",
        data=None,
        dimension_codes=(),
        themes=(),
        **kwargs,
    ):
        locale = Locale.objects.get(language_code=language_tree)
        parent = IndicatorFolderPage.objects.get(slug=folder, locale=locale)
        page = model_class(*args, **kwargs)
        page.dimensions = [
            IndicatorDimension(code=code, label=code.title()) for code in dimension_codes
        ]
        page.themes = list(themes)
        parent.add_child(instance=page)
        page.save_revision().publish()
        if data is not None:
            dataset_version_create(indicator=page, rows=data)
        return page
