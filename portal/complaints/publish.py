"""The claims' statistics in the statistics section: three indicators of the authority, kept up
to date from `selectors.year_statistics` (`manage.py claims_publish_statistics`, also run by the
daily `claims_daily`).

- "Claims received by month" (monthly, totals and by kind),
- "Claims by offence" (annual, totals and by offence; the year under way up to its last
  complete month, said in the row's note),
- "Median days to acknowledge a claim" (monthly).

The pages are made the first time (in Arabic, French and English, Amazigh as an alias of the
Arabic page) in the authority's folder, and left to the editors afterwards. Each run compares the
figures with the indicator's current data and writes a new version only when they changed.
Suppressed counts are left out of the data (a note on the series says so): an indicator's data
holds only what the API and the rest of the portal publish too."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Locale

from portal.core.models import Term, TermKind
from portal.institutions.models import InstitutionKind
from portal.statistics.importer import period_start
from portal.statistics.models import (
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

from .models import Claim
from .selectors import TIMEZONE, TOTAL, latest_year, year_statistics

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
    "ar": "<p>تُحتسب يوميا انطلاقا من بيانات الفرز الخاصة بالشكايات والتبليغات (النوع، المخالفة، "
    "القطاع، الجهة، الوضعية، التواريخ)، ولا تُستعمل مضامينها أبدا. تُحتسب الأشهر حسب توقيت المغرب، "
    "ولا تُنشر إلا الأشهر المكتملة. قد يسمح عدد يتراوح بين 1 و4 بالتعرف على شخص، لذلك لا يُنشر، "
    "ويُحجب معه عدد آخر كلما أمكن استنتاجه بطرح الأعداد المنشورة من مجموع (الحجب الثانوي). "
    "الأعداد المحجوبة غير واردة في البيانات، والمجاميع هي المجاميع الحقيقية. لا يُنشر الوسيط إلا "
    "إذا تعلق بـ5 ملفات على الأقل.</p>",
    "fr": "<p>Calculé chaque jour à partir des données de tri des signalements (type, infraction, "
    "secteur, région, statut, dates), jamais de leur contenu. Les mois sont ceux de l'heure du "
    "Maroc et seuls les mois complets sont publiés. Un effectif de 1 à 4 pourrait permettre "
    "d'identifier une personne : il n'est pas publié, et un autre effectif est masqué avec lui "
    "chaque fois qu'il pourrait sinon être retrouvé en soustrayant d'un total les effectifs "
    "publiés (secret secondaire). Les effectifs masqués sont absents des données ; les totaux "
    "sont les totaux réels. Une médiane n'est publiée que si elle porte sur au moins 5 "
    "signalements.</p>",
    "en": "<p>Computed every day from the triage data of the claims (kind, offence, sector, "
    "region, status, dates), never from their content. Months are in Morocco's time and only "
    "complete months are published. A count from 1 to 4 could point at a person: it is not "
    "published, and another count is withheld with it whenever it could otherwise be found again "
    "by subtracting the published counts from a total (secondary suppression). Withheld counts "
    "are left out of the data; totals are the true totals. A median is published only when it "
    "concerns at least 5 claims.</p>",
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
        "periodicity": Periodicity.ANNUAL,
        "dimension": ("offence", {"ar": "المخالفة", "fr": "Infraction", "en": "Offence"}),
        "note": NOTE,
        "title": {
            "ar": "الشكايات والتبليغات حسب المخالفة",
            "fr": "Signalements par infraction",
            "en": "Claims by offence",
        },
        "intro": {
            "ar": "عدد الشكايات والتبليغات والمعلومات المتوصل بها كل سنة، "
            "حسب المخالفة المبلغ عنها.",
            "fr": "Nombre de signalements reçus chaque année, par infraction signalée.",
            "en": "Number of claims received each year, by the offence reported.",
        },
        "definition": {
            "ar": "<p>عدد الشكايات والتبليغات والمعلومات المودعة خلال السنة، حسب المخالفة التي "
            "يذكرها صاحبها: الرشوة (bribery)، اختلاس الأموال العمومية (embezzlement)، استغلال "
            "النفوذ (influence)، إساءة استعمال الوظيفة (abuse)، الإثراء غير المشروع (enrichment)، "
            "تضارب المصالح (conflict)، الغش في الصفقات العمومية (procurement)، أخرى (other). "
            "السنة الجارية تشمل أشهرها المكتملة فقط.</p>",
            "fr": "<p>Nombre de signalements déposés au cours de l'année, par infraction indiquée "
            "par leur auteur : corruption (bribery), détournement de fonds publics (embezzlement), "
            "trafic d'influence (influence), abus de fonctions (abuse), enrichissement illicite "
            "(enrichment), conflit d'intérêts (conflict), fraude dans les marchés publics "
            "(procurement), autre (other). L'année en cours ne compte que ses mois complets.</p>",
            "en": "<p>Number of claims filed during the year, by the offence their author "
            "reports: bribery, embezzlement of public funds (embezzlement), trading in influence "
            "(influence), abuse of functions (abuse), illicit enrichment (enrichment), conflict of "
            "interest (conflict), procurement fraud (procurement), other. The year under way "
            "counts its complete months only.</p>",
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
            "بها. لا تدخل في الحساب الملفات التي لم يُشعر بالتوصل بها بعد، لذلك قد تتغير قيمة "
            "الأشهر الأخيرة. الأجل المحدد افتراضيا هو 7 أيام.</p>",
            "fr": "<p>Médiane du délai, en jours, entre le dépôt d'un signalement et son premier "
            "accusé de réception ou la première étape de son traitement, pour les signalements "
            "déposés au cours du mois qui ont reçu un accusé de réception. Ceux qui n'en ont pas "
            "encore reçu ne sont pas comptés : la valeur des derniers mois peut encore changer. "
            "Le délai fixé par défaut est de 7 jours.</p>",
            "en": "<p>The median time, in days, between the filing of a claim and its first "
            "acknowledgement or first handling step, for the claims filed during the month that "
            "have been acknowledged. Claims not acknowledged yet are not counted, so the value of "
            "recent months can still change. The default time limit is 7 days.</p>",
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


def _first_month():
    first = Claim.objects.aggregate(first=Min("filed_at"))["first"]
    if first is None:
        return None
    local = timezone.localtime(first, TIMEZONE)
    return local.year, local.month


def _row(period, value, dimensions=(), note=""):
    return {
        "period": period,
        "start": period_start(period),
        "dimensions": dimensions,
        "value": Decimal(value),
        "note": note,
    }


def statistics_rows(now=None):
    """`{slug: rows}` of the three indicators: what may be published, suppressed cells out."""
    rows = {slug: [] for slug in INDICATORS}
    first = _first_month()
    if first is None:
        return rows
    for year in range(first[0], latest_year(now) + 1):
        data = year_statistics(year, now=now)
        if not data.months:
            continue
        for month in data.months:
            if (year, month) < first:
                continue
            period = f"{year}-{month:02d}"
            if ("month", month) not in data.hidden:
                rows["claims-received-by-month"].append(
                    _row(period, data.counts.get(("month", month), 0))
                )
            for kind in data.values["kind"]:
                key = ("mk", month, kind)
                if key not in data.hidden:
                    rows["claims-received-by-month"].append(
                        _row(period, data.counts.get(key, 0), (("kind", kind),))
                    )
            median = data.month_medians[month]
            if median.days is not None:
                rows["median-days-to-acknowledge-a-claim"].append(_row(period, str(median.days)))
        note = "" if data.through.month == 12 else f"Filed up to {data.through.isoformat()}"
        if TOTAL not in data.hidden:
            rows["claims-by-offence"].append(_row(str(year), data.counts.get(TOTAL, 0), (), note))
        for offence in data.values["offence"]:
            key = ("offence", offence)
            if key not in data.hidden:
                rows["claims-by-offence"].append(
                    _row(str(year), data.counts.get(key, 0), (("offence", offence),), note)
                )
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
    """Creates the missing indicators and writes a new version of the data of those whose
    figures changed. Returns `{slug: "created" | "updated" | "unchanged"}`. Raises LookupError
    when the statistics section has no folder for the authority."""
    folder = _authority_folder()
    if folder is None:
        raise LookupError("The statistics section has no folder for the authority.")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    result = {}
    for slug, rows in statistics_rows(now).items():
        page = IndicatorPage.objects.child_of(folder).filter(slug=slug).first()
        outcome = "unchanged"
        if page is None:
            page = _page_create(folder, slug, INDICATORS[slug], locales)
            outcome = "created"
        current = _current(page)
        if (current is None and rows) or (current is not None and current != _comparable(rows)):
            dataset_version_create(indicator=page, rows=rows, comment=COMMENT)
            outcome = "updated" if outcome == "unchanged" else outcome
        result[slug] = outcome
    return result
