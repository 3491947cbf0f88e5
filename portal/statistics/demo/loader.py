"""Loads the demo statistics: a folder per institution and the indicators of `indicators.py`
with their values (published figures with their sources, or series plainly labelled as
sample data). Idempotent."""

from decimal import Decimal

from portal.core.models import Term
from portal.statistics.importer import period_start
from portal.statistics.models import (
    IndicatorDimension,
    IndicatorFolderPage,
    IndicatorPage,
    SeriesNote,
)
from portal.statistics.services import dataset_version_create, statistics_permissions_ensure

from .indicators import INDICATORS

LANGS = ["ar", "fr", "en", "zgh"]
TRANSLATED = ("title", "intro", "definition", "methodology", "unit", "source_name", "citation")


def _rows(data):
    return [
        {
            "period": row["period"],
            "start": period_start(row["period"]),
            "dimensions": tuple(sorted(row.get("dims", {}).items())),
            "value": Decimal(str(row["value"])),
            "lower": None if row.get("lower") is None else Decimal(str(row["lower"])),
            "upper": None if row.get("upper") is None else Decimal(str(row["upper"])),
            "note": row.get("note", ""),
        }
        for row in data["rows"]
    ]


class StatisticsLoader:
    def __init__(self, locales, publish):
        self.locales = locales
        self.publish = publish

    def load(self, index):
        statistics_permissions_ensure(index=index)
        folders = {
            folder.institution.acronym: folder
            for folder in IndicatorFolderPage.objects.child_of(index).select_related("institution")
        }
        for folder in folders.values():
            for lang in LANGS[1:]:
                if folder.get_translation_or_none(self.locales[lang]) is None:
                    folder.copy_for_translation(self.locales[lang], alias=True)
        themes = {term.slug: term for term in Term.objects.filter(locale=self.locales["ar"])}
        created = 0
        for data in INDICATORS:
            folder = folders[data["institution"]]
            if IndicatorPage.objects.child_of(folder).filter(slug=data["slug"]).exists():
                continue
            self._create(folder, data, themes)
            created += 1
        return created

    def _fields(self, data, lang):
        return {name: data[name][lang] for name in TRANSLATED if name in data}

    def _create(self, folder, data, themes):
        target = data.get("target")
        page = IndicatorPage(
            slug=data["slug"],
            source_kind=data["source_kind"],
            periodicity=data["periodicity"],
            decimals=data.get("decimals", 0),
            scale_min=(data.get("scale") or (None, None))[0],
            scale_max=(data.get("scale") or (None, None))[1],
            higher_is_better=data.get("higher_is_better"),
            source_url=data.get("source_url", ""),
            licence=data["licence"],
            is_sample=data.get("is_sample", False),
            target_value=Decimal(target[0]) if target else None,
            target_period=target[1] if target else "",
            target_source=target[2]["ar"] if target else "",
            **self._fields(data, "ar"),
        )
        page.themes = [themes[slug] for slug in data.get("themes", [])]
        page.dimensions = [
            IndicatorDimension(code=code, label=labels["ar"])
            for code, labels in data.get("dimensions", [])
        ]
        page.notes = [
            SeriesNote(period=period, is_break=is_break, text=texts["ar"])
            for period, is_break, texts in data.get("notes", [])
        ]
        folder.add_child(instance=page)
        self.publish(page)
        dataset_version_create(indicator=page, rows=_rows(data), comment="Demo content (load_demo)")
        for lang in ("fr", "en"):
            version = page.copy_for_translation(self.locales[lang]).specific
            for name, value in self._fields(data, lang).items():
                setattr(version, name, value)
            if target:
                version.target_source = target[2][lang]
            for dimension, (_code, labels) in zip(
                version.dimensions.all(), data.get("dimensions", []), strict=True
            ):
                dimension.label = labels[lang]
                dimension.save(update_fields=["label"])
            for note, (_period, _is_break, texts) in zip(
                version.notes.all(), data.get("notes", []), strict=True
            ):
                note.text = texts[lang]
                note.save(update_fields=["text"])
            self.publish(version)
        page.copy_for_translation(self.locales["zgh"], alias=True)
