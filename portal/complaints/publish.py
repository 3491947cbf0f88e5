"""The claims' statistics in the statistics section: three monthly indicators of the authority,
kept up to date from the published months (`selectors.months_freeze`; `manage.py
claims_publish_statistics`, also run by the daily `claims_daily`).

- "Claims received by month" (totals and by kind),
- "Claims by offence" (totals and by offence, each month),
- "Median days to acknowledge a claim".

A published month is never revised, so a new version of an indicator's data only adds months to
the previous one. A previous version that holds figures the new one does not (made by an earlier
method that recomputed the year to date) is deleted, so that no release can be compared with
another to find a suppressed count.

The pages are made the first time (in Arabic, French and English, Amazigh as an alias of the
Arabic page) in the authority's folder, and left to the editors afterwards. Each run compares the
figures with the indicator's current data and writes a new version only when they changed.
Suppressed counts are left out of the data (a note on the series says so): an indicator's data
holds only what the API and the rest of the portal publish too."""

from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale

from portal.core.models import Term, TermKind
from portal.institutions.models import InstitutionKind
from portal.statistics.importer import period_start
from portal.statistics.models import (
    DatasetVersion,
    IndicatorDimension,
    IndicatorFolderPage,
    IndicatorPage,
    Licence,
    Observation,
    Periodicity,
    SeriesNote,
    SourceKind,
    encode_dimensions,
)
from portal.statistics.services import dataset_version_create, source_statistics

from .models import StatisticsMonth
from .selectors import months_freeze

# The licence of what the portal itself produces: open, with attribution.
LICENCE = Licence.CC_BY
THEMES = ("accountability", "whistleblower-protection")
TRANSLATED = ("title", "intro", "definition", "methodology", "unit", "source_name", "citation")
COMMENT = "Claims statistics (claims_publish_statistics)"

SOURCE = {
    "ar": "البوابة الوطنية للنزاهة",
    "fr": "Portail national de l'intégrité",
    "en": "National Integrity Portal",
}
CITATION = {
    "ar": "البوابة الوطنية للنزاهة، إحصاءات الشكايات والتبليغات، رخصة CC BY 4.0.",
    "fr": "Portail national de l'intégrité, statistiques des signalements, licence CC BY 4.0.",
    "en": "National Integrity Portal, statistics of the claims received, CC BY 4.0 licence.",
}
UNIT = {"ar": "ملف", "fr": "signalements", "en": "claims"}
METHOD = {
    "ar": "<p>تُحتسب انطلاقا من بيانات الفرز الخاصة بالشكايات والتبليغات (النوع، المخالفة، "
    "القطاع، الجهة، الوضعية، التواريخ)، ولا تُستعمل مضامينها أبدا. وحدة النشر هي شهر الإيداع "
    "حسب توقيت المغرب: يُحتسب كل شهر مرة واحدة بعد مرور شهر كامل على نهايته، ثم لا يُراجع أبدا، "
    "والوضعيات هي وضعيات يوم الاحتساب. لا يُجمع أي عدد على عدة أشهر، حتى لا يمكن طرح نشرة من "
    "أخرى. قد يسمح عدد يتراوح بين 1 و4 بالتعرف على شخص، لذلك لا يُنشر، ويُحجب معه عدد آخر كلما "
    "أمكن استنتاجه بطرح الأعداد المنشورة من مجموع (الحجب الثانوي). الأعداد المحجوبة غير واردة "
    "في البيانات، والمجاميع هي المجاميع الحقيقية. لا يُنشر الوسيط إلا إذا تعلق بـ5 ملفات على "
    "الأقل.</p>",
    "fr": "<p>Calculé à partir des données de tri des signalements (type, infraction, secteur, "
    "région, statut, dates), jamais de leur contenu. L'unité de publication est le mois de dépôt, "
    "à l'heure du Maroc : chaque mois est calculé une seule fois, un mois entier après sa fin, "
    "puis n'est jamais révisé ; les statuts sont ceux du jour du calcul. Aucun effectif n'est "
    "cumulé sur plusieurs mois, pour qu'aucune publication ne puisse être soustraite d'une autre. "
    "Un effectif de 1 à 4 pourrait permettre d'identifier une personne : il n'est pas publié, et "
    "un autre effectif est masqué avec lui chaque fois qu'il pourrait sinon être retrouvé en "
    "soustrayant d'un total les effectifs publiés (secret secondaire). Les effectifs masqués sont "
    "absents des données ; les totaux sont les totaux réels. Une médiane n'est publiée que si "
    "elle porte sur au moins 5 signalements.</p>",
    "en": "<p>Computed from the triage data of the claims (kind, offence, sector, region, "
    "status, dates), never from their content. The unit of publication is the month of filing, "
    "in Morocco's time: each month is computed once, a full month after it ends, and never "
    "revised; statuses are those of the day it was computed. No count is added up over several "
    "months, so that no release can be subtracted from another. A count from 1 to 4 could point "
    "at a person: it is not published, and another count is withheld with it whenever it could "
    "otherwise be found again by subtracting the published counts from a total (secondary "
    "suppression). Withheld counts are left out of the data; totals are the true totals. A "
    "median is published only when it concerns at least 5 claims.</p>",
}
NOTE = {
    "ar": "الأعداد من 1 إلى 4، والأعداد المحجوبة معها، غير واردة في البيانات (انظر المنهجية).",
    "fr": "Les effectifs de 1 à 4, et ceux masqués avec eux, sont absents des données (voir la "
    "méthode).",
    "en": "Counts from 1 to 4, and the counts withheld with them, are left out of the data (see "
    "the method).",
}
MEDIAN_NOTE = {
    "ar": "لا يُنشر وسيط شهر عرف أقل من 5 إشعارات بالتوصل.",
    "fr": "La médiane d'un mois de moins de 5 accusés de réception n'est pas publiée.",
    "en": "The median of a month with fewer than 5 acknowledged claims is not published.",
}

INDICATORS = {
    "claims-received-by-month": {
        "periodicity": Periodicity.MONTHLY,
        "dimension": ("kind", {"ar": "النوع", "fr": "Type", "en": "Kind"}),
        "note": NOTE,
        "title": {
            "ar": "الشكايات والتبليغات الواردة حسب الشهر",
            "fr": "Signalements reçus par mois",
            "en": "Claims received by month",
        },
        "intro": {
            "ar": "عدد الشكايات والتبليغات والمعلومات المتوصل بها كل شهر، حسب نوعها.",
            "fr": "Nombre de plaintes, dénonciations et informations reçues chaque mois, par type.",
            "en": "Number of complaints, denunciations and information reports received each "
            "month, by kind.",
        },
        "definition": {
            "ar": "<p>عدد الشكايات والتبليغات والمعلومات المودعة خلال الشهر عبر هذه البوابة أو "
            "المسجلة من طرف المكلفين بمعالجتها من قنوات أخرى (الحضور الشخصي، البريد، البريد "
            "الإلكتروني، التصريح الشفوي). النوع: شكاية (complaint)، تبليغ (denunciation) أو "
            "معلومات (information).</p>",
            "fr": "<p>Nombre de plaintes, dénonciations et informations déposées au cours du mois "
            "sur ce portail ou enregistrées par les agents chargés de leur traitement à partir "
            "d'autres canaux (en personne, courrier, courriel, déclaration orale). Type : plainte "
            "(complaint), dénonciation (denunciation) ou information (information).</p>",
            "en": "<p>Number of complaints, denunciations and information reports filed during "
            "the month on this portal or registered by the staff who handle them from other "
            "channels (in person, post, e-mail, oral statement). Kind: complaint, denunciation or "
            "information.</p>",
        },
    },
    "claims-by-offence": {
        "periodicity": Periodicity.MONTHLY,
        "dimension": ("offence", {"ar": "المخالفة", "fr": "Infraction", "en": "Offence"}),
        "note": NOTE,
        "title": {
            "ar": "الشكايات والتبليغات حسب المخالفة",
            "fr": "Signalements par infraction",
            "en": "Claims by offence",
        },
        "intro": {
            "ar": "عدد الشكايات والتبليغات والمعلومات المتوصل بها كل شهر، "
            "حسب المخالفة المبلغ عنها.",
            "fr": "Nombre de signalements reçus chaque mois, par infraction signalée.",
            "en": "Number of claims received each month, by the offence reported.",
        },
        "definition": {
            "ar": "<p>عدد الشكايات والتبليغات والمعلومات المودعة خلال الشهر، حسب المخالفة التي "
            "يذكرها صاحبها: الرشوة (bribery)، اختلاس الأموال العمومية (embezzlement)، استغلال "
            "النفوذ (influence)، إساءة استعمال الوظيفة (abuse)، الإثراء غير المشروع (enrichment)، "
            "تضارب المصالح (conflict)، الغش في الصفقات العمومية (procurement)، أخرى (other).</p>",
            "fr": "<p>Nombre de signalements déposés au cours du mois, par infraction indiquée "
            "par leur auteur : corruption (bribery), détournement de fonds publics (embezzlement), "
            "trafic d'influence (influence), abus de fonctions (abuse), enrichissement illicite "
            "(enrichment), conflit d'intérêts (conflict), fraude dans les marchés publics "
            "(procurement), autre (other).</p>",
            "en": "<p>Number of claims filed during the month, by the offence their author "
            "reports: bribery, embezzlement of public funds (embezzlement), trading in influence "
            "(influence), abuse of functions (abuse), illicit enrichment (enrichment), conflict of "
            "interest (conflict), procurement fraud (procurement), other.</p>",
        },
    },
    "median-days-to-acknowledge-a-claim": {
        "periodicity": Periodicity.MONTHLY,
        "decimals": 1,
        "higher_is_better": False,
        "note": MEDIAN_NOTE,
        "unit": {"ar": "يوم", "fr": "jours", "en": "days"},
        "title": {
            "ar": "المدة الوسيطة للإشعار بالتوصل بالشكاية",
            "fr": "Délai médian d'accusé de réception d'un signalement",
            "en": "Median days to acknowledge a claim",
        },
        "intro": {
            "ar": "عدد الأيام الذي يُشعر قبله بالتوصل بنصف الشكايات والتبليغات المودعة خلال الشهر.",
            "fr": "Nombre de jours en deçà duquel la moitié des signalements du mois ont reçu un "
            "accusé de réception.",
            "en": "The number of days within which half of the month's claims were acknowledged.",
        },
        "definition": {
            "ar": "<p>وسيط المدة، بالأيام، بين إيداع الشكاية أو التبليغ وأول إشعار بالتوصل به أو "
            "أول إجراء في معالجته، بالنسبة للملفات المودعة خلال الشهر والتي تم الإشعار بالتوصل "
            "بها. لا تدخل في الحساب الملفات التي لم يُشعر بالتوصل بها يوم احتساب الشهر، "
            "بعد مرور شهر كامل على نهايته. الأجل المحدد افتراضيا هو 7 أيام.</p>",
            "fr": "<p>Médiane du délai, en jours, entre le dépôt d'un signalement et son premier "
            "accusé de réception ou la première étape de son traitement, pour les signalements "
            "déposés au cours du mois qui ont reçu un accusé de réception. Ceux qui n'en avaient "
            "pas reçu le jour du calcul du mois, un mois entier après sa fin, ne sont pas "
            "comptés. Le délai fixé par défaut est de 7 jours.</p>",
            "en": "<p>The median time, in days, between the filing of a claim and its first "
            "acknowledgement or first handling step, for the claims filed during the month that "
            "have been acknowledged. Claims not acknowledged on the day the month is computed, a "
            "full month after it ends, are not counted. The default time limit is 7 days.</p>",
        },
    },
}


def _authority_folder():
    index = source_statistics()
    if index is None:
        return None
    return (
        IndicatorFolderPage.objects.child_of(index)
        .filter(institution__kind=InstitutionKind.AUTHORITY)
        .order_by("pk")
        .first()
    )


def _texts(data, lang):
    texts = {name: data[name][lang] for name in ("title", "intro", "definition") if name in data}
    return {
        **texts,
        "methodology": METHOD[lang],
        "unit": data.get("unit", UNIT)[lang],
        "source_name": SOURCE[lang],
        "citation": CITATION[lang],
    }


def _page_create(folder, slug, data, locales):
    page = IndicatorPage(
        slug=slug,
        source_kind=SourceKind.NATIONAL,
        periodicity=data["periodicity"],
        decimals=data.get("decimals", 0),
        higher_is_better=data.get("higher_is_better"),
        licence=LICENCE,
        **_texts(data, "ar"),
    )
    page.themes = list(
        Term.objects.filter(kind=TermKind.THEME, slug__in=THEMES, locale=Locale.get_default())
    )
    if "dimension" in data:
        code, labels = data["dimension"]
        page.dimensions = [IndicatorDimension(code=code, label=labels["ar"])]
    page.notes = [SeriesNote(text=data["note"]["ar"])]
    folder.add_child(instance=page)
    page.save_revision().publish()
    for lang in ("fr", "en"):
        if lang not in locales:
            continue
        version = page.copy_for_translation(locales[lang], copy_parents=True).specific
        for name, value in _texts(data, lang).items():
            setattr(version, name, value)
        version.save()
        for dimension in version.dimensions.all():
            dimension.label = data["dimension"][1][lang]
            dimension.save(update_fields=["label"])
        for note in version.notes.all():
            note.text = data["note"][lang]
            note.save(update_fields=["text"])
        version.save_revision().publish()
    if "zgh" in locales:
        page.copy_for_translation(locales["zgh"], copy_parents=True, alias=True)
    return page


def _row(period, value, dimensions=(), note=""):
    return {
        "period": period,
        "start": period_start(period),
        "dimensions": dimensions,
        "value": Decimal(value),
        "note": note,
    }


BREAKDOWNS = (("claims-received-by-month", "kind"), ("claims-by-offence", "offence"))


def statistics_rows():
    """`{slug: rows}` of the three indicators from the published months, suppressed cells
    out."""
    rows = {slug: [] for slug in INDICATORS}
    for record in StatisticsMonth.objects.order_by("year", "month"):
        period = f"{record.year}-{record.month:02d}"
        for slug, dimension in (
            ("claims-received-by-month", "kind"),
            ("claims-by-offence", "offence"),
        ):
            if record.total is not None:
                rows[slug].append(_row(period, record.total))
            for value, count in record.cells[dimension].items():
                if count is not None:
                    rows[slug].append(_row(period, count, ((dimension, value),)))
        if record.median_days is not None:
            rows["median-days-to-acknowledge-a-claim"].append(_row(period, str(record.median_days)))
    return rows


def _current(page):
    """The current data of an indicator, comparable with `_comparable(rows)`."""
    dataset = page.dataset
    if dataset is None or dataset.current_id is None:
        return None
    return {
        (obs.period, obs.dimension_key, obs.value.normalize(), obs.note)
        for obs in Observation.objects.filter(version_id=dataset.current_id)
    }


def _comparable(rows):
    return {
        (row["period"], encode_dimensions(row["dimensions"]), row["value"].normalize(), row["note"])
        for row in rows
    }


@transaction.atomic
def statistics_publish(*, now=None):
    """Computes the months due (`months_freeze`), creates the missing indicators and writes a
    new version of the data of those that have new months. Returns `{slug: "created" |
    "updated" | "unchanged"}`. Raises LookupError when the statistics section has no folder for
    the authority."""
    folder = _authority_folder()
    if folder is None:
        raise LookupError("The statistics section has no folder for the authority.")
    months_freeze(now=now)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    result = {}
    for slug, rows in statistics_rows().items():
        page = IndicatorPage.objects.child_of(folder).filter(slug=slug).first()
        outcome = "unchanged"
        if page is None:
            page = _page_create(folder, slug, INDICATORS[slug], locales)
            outcome = "created"
        current = _current(page)
        new = _comparable(rows)
        if (current is None and rows) or (current is not None and current != new):
            version = dataset_version_create(indicator=page, rows=rows, comment=COMMENT)
            if current is not None and not current <= new:
                # Figures of an earlier method: no version may be compared with this one.
                DatasetVersion.objects.filter(dataset_id=version.dataset_id).exclude(
                    pk=version.pk
                ).delete()
            outcome = "updated" if outcome == "unchanged" else outcome
        result[slug] = outcome
    return result
